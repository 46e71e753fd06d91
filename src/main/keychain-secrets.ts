import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { AppError } from './core/errors';
import type { SecretStore } from './core/telephony/secrets';

/** The encrypted secrets file the Electron host keeps in the data folder. */
export const KEYCHAIN_SECRETS_FILE = 'secrets.enc';

const Secrets = z.record(z.string(), z.string());

/**
 * The Electron host's `SecretStore`: the secrets JSON encrypted with `safeStorage` (a key held by the
 * OS keychain: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux), written 0600. Where
 * the OS offers no keychain, saving fails with `telephony_sip_not_set_up` rather than keeping the
 * password in clear; a file that cannot be decrypted reads as empty (the rep enters the password
 * again). Cannot run here (no Electron runtime): type-checked.
 */
export const keychainSecretStore = (dataDir: string): SecretStore => {
  const file = join(dataDir, KEYCHAIN_SECRETS_FILE);
  const readAll = (): Record<string, string> => {
    let sealed: Buffer;
    try {
      sealed = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const parsed = Secrets.safeParse(JSON.parse(safeStorage.decryptString(sealed)));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  const writeAll = (secrets: Record<string, string>) => {
    if (Object.keys(secrets).length === 0) {
      rmSync(file, { force: true });
      return;
    }
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError(
        'telephony_sip_not_set_up',
        'This computer offers no keychain to keep the SIP password in, so Dialdeck did not save it. Unlock or set up the keychain, then save again.',
      );
    }
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, safeStorage.encryptString(JSON.stringify(secrets)), { mode: 0o600 });
    renameSync(temporary, file);
  };
  return {
    read: (name) => readAll()[name] ?? null,
    write: (name, value) => writeAll({ ...readAll(), [name]: value }),
    clear: (name) => {
      const { [name]: _gone, ...rest } = readAll();
      writeAll(rest);
    },
  };
};
