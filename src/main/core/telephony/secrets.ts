import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The secrets a data folder keeps apart from its settings: the SIP account's password. */
export type SecretName = 'sip.password';

/**
 * Where a host keeps secrets: the OS keychain in the app (`keychainSecretStore`), a 0600 file under the
 * CLI and the web host (`fileSecretStore`). Values are strings; `read` answers null for one never saved.
 */
export type SecretStore = {
  read(name: SecretName): string | null;
  write(name: SecretName, value: string): void;
  clear(name: SecretName): void;
};

/** The secrets file's name in the data folder (CLI and web host). */
export const SECRETS_FILE = 'secrets.json';

const SecretsFile = z.record(z.string(), z.string());

/**
 * Secrets as JSON in `DATA_DIR/secrets.json`, readable and writable by the user only (mode 0600, set
 * before a secret is written, then renamed into place so a crash never leaves half a file). A file
 * that is not secrets JSON reads as empty (the user saves the password again); file-system errors are
 * thrown as they are (the caller's guard translates them).
 */
export const fileSecretStore = (dataDir: string): SecretStore => {
  const file = join(dataDir, SECRETS_FILE);
  const readAll = (): Record<string, string> => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const parsed = SecretsFile.safeParse(JSON.parse(text));
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
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, '', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    writeFileSync(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
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
