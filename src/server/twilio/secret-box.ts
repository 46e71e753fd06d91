import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerError } from '../errors';

/**
 * Secrets the server must read back (a team's Twilio auth token and API key secret) are kept
 * encrypted at rest with AES-256-GCM (NIST SP 800-38D; 96-bit random IV, 128-bit tag) under one
 * server key. The stored text is versioned, so no migration is needed: `enc:v1:<keyId>:<iv>:<tag>:<data>`
 * (base64url parts; `keyId` the first 16 hex digits of SHA-256 over a label and the key, so a wrong key
 * is named as such before any decryption). Text without the prefix is a row written before encryption:
 * it is read as it is and encrypted on its next write. Each secret is bound to where it lives (the
 * `context`, e.g. `twilio_secrets/<teamId>/auth_token`, as GCM's additional data), so a value copied
 * to another team or column does not decrypt.
 */

/** The environment variable holding the server key: 32 random bytes in base64 (or base64url). */
export const SECRET_KEY_ENV = 'DIALDECK_SECRET_KEY';
/** The key file made (mode 0600) in the server's data folder when `DIALDECK_SECRET_KEY` is not set. */
export const SECRET_KEY_FILE = 'secret-key';

const PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** The server key, its id (see above) and where it came from (for messages; never the key). */
export type SecretKey = { key: Buffer; id: string; from: string };

const keyIdOf = (key: Buffer): string =>
  createHash('sha256').update('dialdeck secret key id\0').update(key).digest('hex').slice(0, 16);

const mismatch = (message: string): ServerError => new ServerError('secret_key_mismatch', message);

/**
 * `text` (base64 or base64url of exactly 32 bytes, surrounding blanks ignored) as a key read from
 * `from`. Throws `secret_key_mismatch` saying how to make a valid one.
 */
export const parseSecretKey = (text: string, from: string): SecretKey => {
  const value = text.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw mismatch(
      `The secret key in ${from} is not 32 bytes in base64. Make one with: openssl rand -base64 32 (keep it; the Twilio secrets stored under it need it).`,
    );
  }
  return { key, id: keyIdOf(key), from };
};

type KeySource = { dataDir: string | null; env: NodeJS.ProcessEnv };
let source: KeySource = { dataDir: null, env: process.env };

/**
 * Where this process takes its key from: `DIALDECK_SECRET_KEY` in `env` when set (checked now: a
 * malformed one throws `secret_key_mismatch` at start), else the key file `dataDir/secret-key`, made
 * on the first secret written. Several server processes over one `DATABASE_URL` need the same key:
 * set `DIALDECK_SECRET_KEY` on each.
 */
export const useSecretKeyFrom = (dataDir: string | null, env: NodeJS.ProcessEnv = process.env): void => {
  source = { dataDir, env };
  const fromEnv = env[SECRET_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') parseSecretKey(fromEnv, SECRET_KEY_ENV);
};

const keyFilePath = (dataDir: string): string => join(dataDir, SECRET_KEY_FILE);

const readKeyFile = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw mismatch(
      `The server cannot read its secret key file ${path} (${(error as Error).message}). Give the server's user read access to it, or set ${SECRET_KEY_ENV}.`,
    );
  }
};

/**
 * The server key: `DIALDECK_SECRET_KEY`, else the key file; when neither exists and `create`, a new
 * random key written to the key file (mode 0600, never overwriting one another process just wrote).
 * Returns null when there is none and `create` is false.
 */
export const currentSecretKey = (create: boolean): SecretKey | null => {
  const fromEnv = source.env[SECRET_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseSecretKey(fromEnv, SECRET_KEY_ENV);
  if (source.dataDir === null) {
    if (!create) return null;
    throw mismatch(
      `The server has no secret key to encrypt with. Set ${SECRET_KEY_ENV} (openssl rand -base64 32).`,
    );
  }
  const path = keyFilePath(source.dataDir);
  const stored = readKeyFile(path);
  if (stored !== null) return parseSecretKey(stored, path);
  if (!create) return null;
  mkdirSync(source.dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseSecretKey(readKeyFile(path) ?? '', path);
};

/** Whether `stored` is in the encrypted format (else it is a row written before encryption). */
export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/**
 * `plain` encrypted under the server key for `context` (where it is stored), as the versioned text
 * above. Makes the key file on first use. Throws `secret_key_mismatch` when no key can be had.
 */
export const sealSecret = (plain: string, context: string): string => {
  const key = currentSecretKey(true) as SecretKey;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url'));
  return `${PREFIX}${key.id}:${parts.join(':')}`;
};

/**
 * The plain secret of `stored` (as `sealSecret` wrote it for `context`, or a plain row written before
 * encryption, returned as it is). Throws `secret_key_mismatch` when the server has no key, has another
 * key than the one it was encrypted under, or the text does not decrypt (altered, or moved from
 * another `context`).
 */
export const openSecret = (stored: string, context: string): string => {
  if (!isSealed(stored)) return stored;
  const [id = '', iv = '', tag = '', data = ''] = stored.slice(PREFIX.length).split(':');
  const key = currentSecretKey(false);
  const restore = `Restore the key it was stored with (${SECRET_KEY_ENV}, or the ${SECRET_KEY_FILE} file in the server's data folder), or enter the team's Twilio secrets again with dialdeck admin twilio set.`;
  if (key === null) {
    throw mismatch(
      `The server has no secret key, but a stored secret was encrypted under key ${id}. ${restore}`,
    );
  }
  if (key.id !== id) {
    throw mismatch(
      `A stored secret was encrypted under key ${id}, but this server's key (from ${key.from}) is ${key.id}. ${restore}`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw mismatch(
      `A stored secret does not decrypt under this server's key ${key.id} (it was altered or moved). ${restore}`,
    );
  }
};
