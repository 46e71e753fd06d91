import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

/** An NSIS define as the script writes it: `${NAME}`. */
const nsisVar = (name: string) => `\${${name}}`;
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  protocols: { schemes: string[] }[];
  fileAssociations: { ext: string }[];
  mac: {
    target: string[];
    hardenedRuntime: boolean;
    entitlements: string;
    extendInfo: Record<string, string>;
  };
  nsis: { perMachine: boolean; allowElevation: boolean; include: string };
  linux: { target: string[]; mimeTypes: string[] };
  deb: { depends: string[] };
};

describe('the installers’ configuration (electron-builder.json)', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const options = config;
    expect(validate(options), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The check can fail: a misspelt option is refused.
    expect(validate({ ...options, nsis: { ...config.nsis, perMachin: false } })).toBe(false);
  });

  it('ships better-sqlite3’s Electron build outside the asar archive, where the app looks for it', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.extraResources).toContainEqual({
      from: 'build/native/electron/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    // src/main/index.ts: join(process.resourcesPath, 'native', 'better_sqlite3.node').
    const main = readFileSync(resolve(ROOT, 'src/main/index.ts'), 'utf8');
    expect(main).toContain("join(process.resourcesPath, 'native', 'better_sqlite3.node')");
  });

  it('registers the phone links and CSV files, asks for the microphone with a reason, installs per user', () => {
    expect(config.protocols.flatMap((p) => p.schemes).sort()).toEqual(['callto', 'tel']);
    expect(config.fileAssociations.map((f) => f.ext)).toEqual(['csv']);
    expect(config.linux.mimeTypes).toEqual(
      expect.arrayContaining(['x-scheme-handler/tel', 'x-scheme-handler/callto', 'text/csv']),
    );
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
    const entitlements = readFileSync(resolve(ROOT, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.device.audio-input');
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('builds the zip macOS auto-update downloads (MacUpdater has no dmg path)', () => {
    // electron-updater's MacUpdater throws ERR_UPDATER_ZIP_FILE_NOT_FOUND without a zip in the feed.
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
  });

  it('lists the whole .deb dependency set, since `depends` replaces electron-builder’s defaults', () => {
    // app-builder-lib's FpmTarget defaults for deb, plus ALSA for the calls' audio and libgbm, which
    // Electron's Chromium links (Debian's chromium package depends on it too).
    for (const pkg of [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ]) {
      expect(config.deb.depends).toContain(pkg);
    }
    expect(config.deb.depends.some((d) => d.startsWith('libasound2'))).toBe(true);
    expect(config.deb.depends).toContain('libgbm1');
  });
});

describe('npm run dist without Electron’s runtime', () => {
  it('says so in one line and exits non-zero', () => {
    const run = spawnSync(process.execPath, [resolve(ROOT, 'scripts', 'dist.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      // As on a machine where the runtime could not be downloaded.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: resolve(ROOT, 'no-electron-runtime-here') },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/Electron's runtime.*npm run setup/);
  });

  it('lists Dialdeck under Windows’ Default apps for tel: and callto:, per user, and removes it on uninstall', () => {
    expect(config.nsis.include).toBe('build/installer.nsh');
    const script = readFileSync(resolve(ROOT, config.nsis.include), 'utf8');
    const macro = (name: string) =>
      script.match(new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`))?.[1] ?? '';
    const install = macro('customInstall');
    const uninstall = macro('customUnInstall');
    const capabilities = /!define DIALDECK_CAPABILITIES "([^"]+)"/.exec(script)?.[1];
    expect(capabilities).toBe('Software\\Dialdeck\\Capabilities');
    for (const scheme of config.protocols.flatMap((p) => p.schemes)) {
      expect(install).toMatch(
        new RegExp(`WriteRegStr HKCU "\\$\\{DIALDECK_CAPABILITIES\\}\\\\URLAssociations" "${scheme}"`),
      );
    }
    expect(install).toContain(
      `WriteRegStr HKCU "Software\\RegisteredApplications" "Dialdeck" "${nsisVar('DIALDECK_CAPABILITIES')}"`,
    );
    expect(install).toContain('shell\\open\\command');
    // A per-user installer writes nothing machine-wide.
    expect(script).not.toMatch(/HKLM/);
    expect(uninstall).toContain('DeleteRegValue HKCU "Software\\RegisteredApplications" "Dialdeck"');
    expect(uninstall).toContain(`DeleteRegKey HKCU "${nsisVar('DIALDECK_CAPABILITIES')}"`);
    expect(uninstall).toContain(`DeleteRegKey HKCU "Software\\Classes\\${nsisVar('DIALDECK_PROGID')}"`);
  });
});
