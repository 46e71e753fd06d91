#!/usr/bin/env node
// `npm run dist`: the installer for this platform into dist/ (Windows: NSIS, per user; macOS: dmg,
// signed and notarized when the signing identity and Apple credentials are in the environment;
// Linux: AppImage and deb), configured by electron-builder.json. Needs Electron's runtime (npm run
// setup fetches it where it can be downloaded) and better-sqlite3's Electron build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNodeVersion, electronBinary, electronPackageDir, root } from './lib/electron-runtime.mjs';
import { npm, run } from './lib/run.mjs';
import { builderConfigFor, updateFeedProblem } from './lib/update-feed.mjs';
import { buildElectronNative } from './native-electron.mjs';

checkNodeVersion('npm run dist');

const stop = (line) => {
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

// The update feed baked into the installer (app-update.yml); Settings → Updates overrides it. None
// given: the installer has no feed, and nothing is made up.
const feedUrl = process.env.DIALDECK_UPDATE_URL?.trim() || null;
const feedProblem = feedUrl === null ? null : updateFeedProblem(feedUrl);
if (feedProblem) {
  const why = {
    not_a_url: 'is not a URL',
    not_https: 'is not https:// (plain http:// only for localhost)',
    has_credentials: 'holds a user name or password',
  }[feedProblem];
  stop(
    `npm run dist stopped: DIALDECK_UPDATE_URL ${why}. Give the https:// address of the folder that serves latest*.yml and the installers, e.g. https://team.example.com/updates.`,
  );
}

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

if (feedUrl === null) {
  process.stdout.write(
    '▸ DIALDECK_UPDATE_URL is not set: the installers carry no update feed (reps set one in Settings → This computer).\n',
  );
}
const config = builderConfigFor(
  JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')),
  feedUrl,
);
mkdirSync(join(root, 'dist'), { recursive: true });
const configFile = join(root, 'dist', 'electron-builder.effective.json');
writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
const result = run(
  process.execPath,
  [
    builder,
    '--config',
    configFile,
    '--publish',
    'never',
    `-c.electronDist=${join(electronPackageDir, 'dist')}`,
    ...process.argv.slice(2),
  ],
  { env: process.env },
);
if (!result.ok) stop('npm run dist stopped: electron-builder failed (see above).');
process.stdout.write('Installers are in dist/.\n');
