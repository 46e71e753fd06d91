import { homedir } from 'node:os';
import { join, posix, resolve, win32 } from 'node:path';

export const APP_NAME = 'Dialdeck';

/** An environment value that is set and not blank. */
const present = (value: string | undefined): string | undefined => (value?.trim() ? value : undefined);

/**
 * Where Dialdeck keeps its data unless told otherwise: the OS's usual per-user app-data folder,
 * the same one Electron reports as userData for an app named Dialdeck, so the desktop app, the web
 * host and the CLI share one store.
 */
export const defaultDataDir = (
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string => {
  if (platform === 'win32') {
    return win32.join(present(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME);
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = present(env.XDG_CONFIG_HOME);
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), APP_NAME);
};

/** `--data-dir` wins, then DIALDECK_DATA_DIR, then the OS default; a relative path is taken from the cwd. */
export const resolveDataDir = (
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string => {
  const chosen = present(flag) ?? present(env.DIALDECK_DATA_DIR);
  return chosen ? resolve(chosen) : defaultDataDir(platform, env);
};

/** The value of `--flag value` or `--flag=value` in a command line (Electron has no option parser). */
export const flagValue = (argv: readonly string[], flag: string): string | undefined => {
  const index = argv.indexOf(flag);
  if (index >= 0) {
    const next = argv[index + 1];
    return next !== undefined && !next.startsWith('--') ? next : undefined;
  }
  return argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
};

export const storeFile = (dataDir: string): string => join(dataDir, 'dialdeck.sqlite');
