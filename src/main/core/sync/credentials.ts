import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';

/**
 * Who this data folder is signed in as on the team server: its base URL, the bearer token, and the
 * user `GET /v1/me` named when the token was checked. `signedInAt` is UTC epoch ms.
 */
export const SyncCredentials = z.object({
  server: z.string().url(),
  token: z.string().min(1),
  userId: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  email: z.string(),
  role: z.enum(['rep', 'ae', 'manager']),
  signedInAt: z.number().int(),
});
export type SyncCredentials = z.infer<typeof SyncCredentials>;

/**
 * Where a host keeps the signed-in credentials. The CLI and the web host use `fileTokenStore`; the
 * Electron host keeps them encrypted with `safeStorage` (the OS keychain) behind the same shape.
 */
export type TokenStore = {
  read(): SyncCredentials | null;
  write(credentials: SyncCredentials): void;
  clear(): void;
};

/** The credentials file's name in the data folder. */
export const CREDENTIALS_FILE = 'sync-credentials.json';

/**
 * Credentials in `DATA_DIR/sync-credentials.json`, readable and writable by the user only (mode 0600,
 * set on the file before the token is written into it, then renamed into place so a crash never
 * leaves half a file). Throws `sync_not_signed_in` when the file exists but is not credentials
 * (sign in again), and the file system's errors as they are (the caller's guard translates them).
 */
export const fileTokenStore = (dataDir: string): TokenStore => {
  const file = join(dataDir, CREDENTIALS_FILE);
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Reported below.
      }
      const parsed = SyncCredentials.safeParse(json);
      if (!parsed.success) {
        throw new AppError(
          'sync_not_signed_in',
          `The sign-in file ${file} cannot be read. Sign in again with dialdeck login --server URL --token T.`,
        );
      }
      return parsed.data;
    },
    write(credentials) {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, '', { mode: 0o600 });
      // The mode given to writeFileSync is filtered by the umask; set it exactly before the token lands.
      chmodSync(temporary, 0o600);
      writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
};
