import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Dialdeck';

/**
 * Where Dialdeck keeps its data unless told otherwise: the OS's usual per-user app-data folder,
 * the same one Electron reports as userData, so the desktop app, the web host and the CLI share it.
 */
export const defaultDataDir = (
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string => {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
};

/** `--data-dir` wins, then DIALDECK_DATA_DIR, then the OS default. */
export const resolveDataDir = (flag?: string, env: NodeJS.ProcessEnv = process.env): string =>
  flag ?? env.DIALDECK_DATA_DIR ?? defaultDataDir(process.platform, env);

export const storeFile = (dataDir: string): string => join(dataDir, 'dialdeck.sqlite');
