// What `npm run setup` and `npm start` both need to know about Electron on this machine.
// Plain Node, no dependencies: it runs before and without node_modules being usable.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const electronPackageDir = join(root, 'node_modules', 'electron');

/** better-sqlite3 built for Electron's ABI; src/main/index.ts passes it as `nativeBinding`. */
export const electronNativeDir = join(root, 'build', 'native', 'electron');
export const electronNativeBinding = join(electronNativeDir, 'better_sqlite3.node');
/** What the binding was built for, so setup can skip a build that already fits. */
export const electronNativeStamp = join(electronNativeDir, 'better_sqlite3.json');

export const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** The version of Electron that `npm install` put in node_modules (the runtime may still be missing). */
export const electronVersion = () => readJson(join(electronPackageDir, 'package.json'))?.version ?? null;

/**
 * The Electron executable when its runtime has been downloaded, else null. Read the way
 * node_modules/electron/index.js does, without requiring it: that file starts a download when the
 * runtime is missing.
 */
export const electronBinary = () => {
  const pathFile = join(electronPackageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  if (!executable) return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronPackageDir, 'dist');
  const file = join(dist, executable);
  return existsSync(file) ? file : null;
};

export const betterSqliteVersion = () =>
  readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json'))?.version ?? null;

/** True when the Electron build of better-sqlite3 exists and was made for this Electron and this better-sqlite3. */
export const hasElectronNativeBinding = () => {
  if (!existsSync(electronNativeBinding)) return false;
  const stamp = readJson(electronNativeStamp);
  return stamp?.electron === electronVersion() && stamp?.betterSqlite3 === betterSqliteVersion();
};

/** Dialdeck needs the Node version package.json names in `engines`. */
export const checkNodeVersion = (what) => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 20 || (major === 20 && minor >= 19)) return;
  process.stderr.write(
    `${what} needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js LTS from nodejs.org and try again.\n`,
  );
  process.exit(1);
};
