import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost for console passwords: N = 2^15, r = 8, p = 3 (32 MiB, one of the equivalent settings
 * OWASP's Password Storage Cheat Sheet lists for scrypt), with a 16-byte random salt and a 32-byte key.
 * Node's built-in scrypt, so no native package is needed on any platform.
 */
const COST = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

const derive = (password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> =>
  new Promise((done, fail) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { ...cost, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? fail(error) : done(key)),
    ),
  );

/**
 * The stored form of a password: `scrypt$N$r$p$salt$key` (salt and key in base64url). The password is
 * NFKC-normalised first, so the same characters typed on another keyboard match.
 */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

/**
 * Whether `password` matches `stored` (from `hashPassword`), compared in constant time. A stored value
 * of another form never matches.
 */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

let dummy: Promise<string> | null = null;

/**
 * A hash to verify against when a sign-in names no user with a password, so the answer's timing does
 * not tell which emails have one. Made on first use.
 */
export const dummyHash = (): Promise<string> => {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
};
