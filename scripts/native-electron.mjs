#!/usr/bin/env node
// better-sqlite3 for Electron's ABI, into build/native/electron/better_sqlite3.node (see
// docs/native-modules.md). `npm run setup` runs this; on its own:
//   node scripts/native-electron.mjs [--force]
// The Node build in node_modules stays as it is (the CLI, the web host and the tests load it). This
// one is made in a temporary copy of the package and only its .node file is kept: a published
// prebuild for this Electron is tried first, then a compile against Electron's headers.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  betterSqliteVersion,
  electronBinary,
  electronNativeBinding,
  electronNativeDir,
  electronNativeStamp,
  electronVersion,
  hasElectronNativeBinding,
  root,
} from './lib/electron-runtime.mjs';
import { reasonOf, run, withoutVars } from './lib/run.mjs';

const MINUTE = 60_000;
const PREBUILT_TIMEOUT = 5 * MINUTE;
const COMPILE_TIMEOUT = 20 * MINUTE;
const ELECTRON_HEADERS = 'https://electronjs.org/headers';
export const NATIVE_LOG = join(electronNativeDir, 'build.log');

// Settings meant for the Node build (a user's nodedir, a runtime or a target) must not leak into this one.
const LEAKY_SETTINGS = [
  'npm_config_nodedir',
  'npm_config_target',
  'npm_config_runtime',
  'npm_config_disturl',
  'npm_config_dist_url',
  'npm_config_build_from_source',
];

/** npm's own node-gyp: npm names it to the scripts it runs; else it sits in npm's install folder. */
const findNodeGyp = () => {
  const nodeDir = dirname(process.execPath);
  const candidates = [
    process.env.npm_config_node_gyp,
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file)) ?? null;
};

/** Loads a built addon inside Electron (running as Node) and runs one query with it. */
const verifyInElectron = (binary, addon) => {
  const script = `const Database = require(${JSON.stringify(join(root, 'node_modules', 'better-sqlite3'))});
const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(addon)} });
if (db.prepare('select 41 + 1 as n').get().n !== 42) process.exit(1);`;
  return run(binary, ['-e', script], {
    capture: true,
    timeout: MINUTE,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
};

/**
 * Builds and installs the Electron binding. Never throws: resolves to `{ ok, message }`, where a
 * failure's message is one line saying what happened and where the details are.
 */
export const buildElectronNative = ({ binary = electronBinary(), force = false, say = () => {} } = {}) => {
  const target = electronVersion();
  const version = betterSqliteVersion();
  if (!binary || !target) return { ok: false, message: "Electron's runtime is not installed." };
  if (!version) return { ok: false, message: 'better-sqlite3 is not installed; run `npm run setup`.' };
  if (!force && hasElectronNativeBinding()) {
    return { ok: true, message: `better-sqlite3 ${version} for Electron ${target} is already built.` };
  }
  say(`Building better-sqlite3 ${version} for Electron ${target}…`);
  const packageDir = join(root, 'node_modules', 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'dialdeck-native-'));
  const copy = join(work, 'better-sqlite3');
  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  const env = withoutVars(process.env, LEAKY_SETTINGS);
  const log = [];
  const logged = (label, result) => {
    log.push(`## ${label}\n${result.output}${result.error ? `\n${result.error.message}` : ''}\n`);
    return result;
  };
  try {
    cpSync(packageDir, copy, {
      recursive: true,
      dereference: true,
      filter: (file) => {
        const rel = relative(packageDir, file);
        return rel !== 'build' && !rel.startsWith(`build${sep}`);
      },
    });
    let prebuilt = { ok: false };
    try {
      const prebuildInstall = createRequire(join(packageDir, 'package.json')).resolve(
        'prebuild-install/bin.js',
      );
      const args = [
        prebuildInstall,
        '--runtime=electron',
        `--target=${target}`,
        `--platform=${process.platform}`,
        `--arch=${process.arch}`,
      ];
      prebuilt = logged(
        'prebuild-install',
        run(process.execPath, args, { capture: true, timeout: PREBUILT_TIMEOUT, env, cwd: copy }),
      );
    } catch (error) {
      log.push(`## prebuild-install\nnot found: ${error.message}\n`);
    }
    if (!prebuilt.ok || !existsSync(built)) {
      const nodeGyp = findNodeGyp();
      if (!nodeGyp) throw new Error('no prebuilt module fits and node-gyp was not found to compile one');
      say('No prebuilt module fits; compiling against Electron’s headers (a few minutes)…');
      const args = [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${target}`,
        `--dist-url=${ELECTRON_HEADERS}`,
        `--arch=${process.arch}`,
      ];
      const compiled = logged(
        'node-gyp',
        run(process.execPath, args, { capture: true, timeout: COMPILE_TIMEOUT, env, cwd: copy }),
      );
      if (!compiled.ok || !existsSync(built)) throw new Error(`compiling failed: ${reasonOf(compiled)}`);
    }
    const verified = logged('load check in Electron', verifyInElectron(binary, built));
    if (!verified.ok) throw new Error(`the built module does not load in Electron: ${reasonOf(verified)}`);
    mkdirSync(electronNativeDir, { recursive: true });
    copyFileSync(built, electronNativeBinding);
    const stamp = {
      electron: target,
      betterSqlite3: version,
      platform: process.platform,
      arch: process.arch,
    };
    writeFileSync(electronNativeStamp, `${JSON.stringify(stamp, null, 2)}\n`);
    rmSync(NATIVE_LOG, { force: true });
    return { ok: true, message: `Built ${relative(root, electronNativeBinding)}.` };
  } catch (error) {
    mkdirSync(electronNativeDir, { recursive: true });
    writeFileSync(NATIVE_LOG, log.join('\n'));
    return {
      ok: false,
      message: `better-sqlite3 could not be built for Electron here (${error.message}); \`npm start\` will serve Dialdeck in your browser instead. Details: ${relative(root, NATIVE_LOG)}; see docs/native-modules.md.`,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = buildElectronNative({ force: process.argv.includes('--force'), say: console.log });
  console.log(result.message);
  process.exitCode = result.ok ? 0 : 1;
}
