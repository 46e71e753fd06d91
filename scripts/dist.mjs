#!/usr/bin/env node
// `npm run dist`: the installer for this platform into dist/ (Windows: NSIS, per user; macOS: dmg,
// signed and notarized when the signing identity and Apple credentials are in the environment;
// Linux: AppImage and deb), configured by electron-builder.json. Needs Electron's runtime (npm run
// setup fetches it where it can be downloaded) and better-sqlite3's Electron build.
import { join } from 'node:path';
import { checkNodeVersion, electronBinary, electronPackageDir, root } from './lib/electron-runtime.mjs';
import { npm, run } from './lib/run.mjs';
import { buildElectronNative } from './native-electron.mjs';

checkNodeVersion('npm run dist');

const stop = (line) => {
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

const binary = electronBinary();
if (!binary) {
  stop(
    "npm run dist needs Electron's runtime, which is not installed here: run `npm run setup` on a machine that can download it (see README, Installing the desktop app).",
  );
}
const native = buildElectronNative({
  binary,
  force: false,
  say: (text) => process.stdout.write(`▸ ${text}\n`),
});
if (!native.ok) stop(`npm run dist needs better-sqlite3 built for Electron: ${native.message}`);
if (!npm(['run', 'build']).ok) stop('npm run dist stopped: the build failed (see above).');

// The update feed baked into the installer; the app's setting overrides it (Settings → Updates).
const env = {
  ...process.env,
  DIALDECK_UPDATE_URL: process.env.DIALDECK_UPDATE_URL || 'http://localhost:4000/updates',
};
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
const result = run(
  process.execPath,
  [
    builder,
    '--config',
    'electron-builder.json',
    '--publish',
    'never',
    `-c.electronDist=${join(electronPackageDir, 'dist')}`,
    ...process.argv.slice(2),
  ],
  { env },
);
if (!result.ok) stop('npm run dist stopped: electron-builder failed (see above).');
process.stdout.write('Installers are in dist/.\n');
