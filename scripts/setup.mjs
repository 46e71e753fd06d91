#!/usr/bin/env node
// `npm run setup`: everything a fresh clone needs before `npm start`.
//   1. npm packages (npm ci from the lockfile), without Electron's runtime download;
//   2. Electron's runtime, when it can be downloaded (else `npm start` serves the browser version);
//   3. better-sqlite3 built for Electron's ABI into build/native/electron (docs/native-modules.md);
//   4. the app itself (npm run build).
// Only 1 and 4 are essential. `--no-electron` (or ELECTRON_SKIP_BINARY_DOWNLOAD=1) skips 2 and 3;
// `--rebuild-native` rebuilds 3 even when a fitting build exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkNodeVersion,
  electronBinary,
  electronPackageDir,
  electronVersion,
  root,
} from './lib/electron-runtime.mjs';
import { npm, reasonOf, run, withoutVars } from './lib/run.mjs';
import { buildElectronNative } from './native-electron.mjs';

checkNodeVersion('Dialdeck');

const args = new Set(process.argv.slice(2));
const skipElectron =
  args.has('--no-electron') || ['1', 'true'].includes(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '');
const forceNative = args.has('--rebuild-native');
const ELECTRON_DOWNLOAD_TIMEOUT = 10 * 60_000;

const step = (text) => process.stdout.write(`\n▸ ${text}\n`);
const note = (text) => process.stdout.write(`${text}\n`);
const fatal = (text) => {
  process.stderr.write(`\nSetup stopped: ${text}\n`);
  process.exit(1);
};

// 1. Packages. Electron's own postinstall would download its runtime and fail the whole install
// without a network; step 2 fetches it separately so that failure is not fatal.
const installPackages = () => {
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  const flags = ['--no-audit', '--no-fund'];
  if (existsSync(join(root, 'package-lock.json'))) {
    step('Installing packages (npm ci; a few minutes the first time)…');
    const ci = npm(['ci', ...flags], { env, capture: true });
    if (ci.ok) {
      note(ci.output.trim().split(/\r?\n/).at(-1) ?? '');
      return;
    }
    // A lockfile written where a registry lacks some platforms' optional packages (e.g. other OSes'
    // binaries of a tool) fails `npm ci`'s strict check; `npm install` takes it as it is.
    if (/EUSAGE|in sync/.test(ci.output)) {
      note('npm ci cannot use the lockfile as it is here; installing with npm install instead.');
    } else {
      process.stdout.write(ci.output);
      note('npm ci failed (see above); trying npm install…');
    }
  } else {
    step('Installing packages (npm install)…');
  }
  if (!npm(['install', ...flags], { env }).ok) {
    fatal(
      'npm could not install the packages (see above). Check that the npm registry can be reached, then run `npm run setup` again.',
    );
  }
};

// 2. Electron's runtime (about 100 MB), fetched by the electron package's own installer.
const fetchElectronRuntime = () => {
  if (electronBinary()) {
    note(`Electron ${electronVersion()} is already installed.`);
    return true;
  }
  const installer = join(electronPackageDir, 'install.js');
  step(`Downloading Electron ${electronVersion() ?? ''} (about 100 MB)…`);
  const result = existsSync(installer)
    ? run(process.execPath, [installer], {
        capture: true,
        timeout: ELECTRON_DOWNLOAD_TIMEOUT,
        env: withoutVars(process.env, ['ELECTRON_SKIP_BINARY_DOWNLOAD']),
      })
    : { ok: false, output: 'node_modules/electron is missing', timedOut: false };
  if (result.ok && electronBinary()) return true;
  note(
    `Electron's runtime could not be downloaded here (${reasonOf(result)}); \`npm start\` will serve Dialdeck in your browser instead.`,
  );
  return false;
};

// 4. The app.
const buildApp = () => {
  step('Building Dialdeck…');
  if (!npm(['run', 'build']).ok) {
    fatal(
      'the build failed (see above). Run `npm run build` to see it again; `npm run typecheck` names the file.',
    );
  }
};

installPackages();
let desktop = false;
if (skipElectron) {
  note('\nSkipping Electron (asked to); `npm start` will serve Dialdeck in your browser.');
} else {
  const binary = fetchElectronRuntime() ? electronBinary() : null;
  if (binary) {
    const native = buildElectronNative({ binary, force: forceNative, say: step });
    note(native.message);
    desktop = native.ok;
  }
}
buildApp();
note(
  desktop
    ? '\nDialdeck is ready. `npm start` opens the desktop app.'
    : '\nDialdeck is ready. `npm start` serves it in your browser at the address it prints.',
);
