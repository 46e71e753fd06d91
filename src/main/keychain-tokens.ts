import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { AppError } from './core/errors';
import { SyncCredentials, type TokenStore } from './core/sync/credentials';

/** The encrypted credentials file the Electron host keeps in the data folder. */
export const KEYCHAIN_CREDENTIALS_FILE = 'sync-credentials.enc';

/**
 * The Electron host's `TokenStore`: the credentials JSON encrypted with `safeStorage` (a key held by
 * the OS keychain: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux), written 0600.
 * Where the OS offers no keychain (`isEncryptionAvailable()` false) writing fails with
 * `sync_not_signed_in` rather than keeping the token in clear; a file that cannot be decrypted is
 * `sync_not_signed_in` too, asking to sign in again. Cannot run here (no Electron runtime): type-checked.
 */
export const keychainTokenStore = (dataDir: string): TokenStore => {
  const file = join(dataDir, KEYCHAIN_CREDENTIALS_FILE);
  return {
    read() {
      let sealed: Buffer;
      try {
        sealed = readFileSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        return SyncCredentials.parse(JSON.parse(safeStorage.decryptString(sealed)));
      } catch {
        throw new AppError(
          'sync_not_signed_in',
          'The saved sign-in cannot be read on this computer (the keychain changed). Sign in again.',
        );
      }
    },
    write(credentials) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new AppError(
          'sync_not_signed_in',
          'This computer offers no keychain to keep your token in, so Dialdeck did not save it. Unlock or set up the keychain, then sign in again.',
        );
      }
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, safeStorage.encryptString(JSON.stringify(credentials)), { mode: 0o600 });
      renameSync(temporary, file);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
};
