#!/usr/bin/env node
// `npm start`: the desktop app where Electron's runtime is installed, else the same workspace served
// to the browser on this machine (`dialdeck serve`). Arguments pass through, e.g.
//   npm start -- --data-dir ./my-data      use another data folder
//   npm start -- --web --open              the browser version even where Electron is installed
//   npm start -- --build                   rebuild first (else it builds only when nothing is built)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkNodeVersion, electronBinary, hasElectronNativeBinding, root } from './lib/electron-runtime.mjs';
import { npmCommand, npmSpawnOptions } from './lib/run.mjs';

checkNodeVersion('Dialdeck');

const args = process.argv.slice(2);
const take = (flag) => {
  const index = args.indexOf(flag);
  if (index < 0) return false;
  args.splice(index, 1);
  return true;
};
const wantsWeb = take('--web');
const wantsBuild = take('--build');

// npm runs scripts from the project folder; a relative --data-dir means the folder the user typed it in.
const userCwd = process.env.INIT_CWD ?? process.cwd();
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--data-dir' && args[i + 1] && !isAbsolute(args[i + 1])) {
    args[i + 1] = resolve(userCwd, args[i + 1]);
  } else if (arg.startsWith('--data-dir=') && !isAbsolute(arg.slice(11))) {
    args[i] = `--data-dir=${resolve(userCwd, arg.slice(11))}`;
  }
}

const outputs = {
  desktop: [join(root, 'out', 'main', 'index.js'), join(root, 'out', 'preload', 'index.cjs')],
  web: [join(root, 'out', 'main', 'cli.js')],
};
const rendererHtml = join(root, 'out', 'renderer', 'index.html');

/** Newest modification time among the sources a build reads. */
const newestSource = () => {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ['src', 'package.json', 'electron.vite.config.ts']) visit(join(root, path));
  return newest;
};

/**
 * Builds when asked or when an output is missing. A build older than the sources is used as it is,
 * with a hint: starting stays quick, and a half-edited tree still starts its last good build.
 */
const ensureBuilt = (files) => {
  const all = [...files, rendererHtml];
  const missing = all.some((file) => !existsSync(file));
  if (!wantsBuild && !missing) {
    const builtAt = Math.min(...all.map((file) => statSync(file).mtimeMs));
    if (newestSource() > builtAt) {
      process.stderr.write('Sources changed since the last build; `npm start -- --build` rebuilds first.\n');
    }
    return;
  }
  process.stderr.write('Building Dialdeck…\n');
  const build = spawnSync(npmCommand, ['run', '--silent', 'build'], {
    cwd: root,
    encoding: 'utf8',
    ...npmSpawnOptions,
  });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    process.stderr.write('Dialdeck could not be built (see above). Run `npm run setup` and try again.\n');
    process.exit(1);
  }
};

/** Why the desktop app cannot start here, or null when it can. */
const desktopBlocker = (binary) => {
  if (!binary) {
    return "Electron's runtime is not installed here, so Dialdeck runs in your browser instead (`npm run setup` with internet access installs the desktop app).";
  }
  if (!hasElectronNativeBinding()) {
    return "Electron's database module is not built (run `npm run setup`), so Dialdeck runs in your browser instead.";
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No graphical display was found, so Dialdeck runs in your browser instead.';
  }
  return null;
};

const startDesktop = (binary) => {
  ensureBuilt(outputs.desktop);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...args.filter((arg) => arg !== '--open')], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
};

const startWeb = async () => {
  ensureBuilt(outputs.web);
  // The CLI runs in this process: `dialdeck serve`, with the user's arguments.
  process.argv = [process.argv[0] ?? 'node', outputs.web[0], 'serve', ...args];
  await import(pathToFileURL(outputs.web[0]).href);
};

const binary = electronBinary();
const blocker = wantsWeb ? null : desktopBlocker(binary);
if (blocker) process.stderr.write(`${blocker}\n`);
if (wantsWeb || blocker || !binary) await startWeb();
else startDesktop(binary);
