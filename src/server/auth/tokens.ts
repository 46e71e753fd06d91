import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every bearer token the server makes, so a leaked one is recognisable in logs and scanners. */
export const TOKEN_PREFIX = 'ddk_';

/**
 * A new bearer token: `ddk_` + 32 random bytes (256 bits, from the OS CSPRNG) in base64url, 47
 * characters. Shown to its owner once; the server keeps only `tokenDigest(token)`.
 */
export const newToken = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/**
 * The stored form of a token: its SHA-256 digest (32 bytes). A fast unsalted hash is enough here
 * because the token is 256 random bits, not a password a person chose: no dictionary or brute force
 * can reach it, and a deterministic digest lets each request find its token by an indexed lookup.
 * (Slow salted KDFs such as scrypt or Argon2 exist for low-entropy passwords; OWASP's password storage
 * cheat sheet draws the same line.) A leaked database therefore yields no usable token.
 */
export const tokenDigest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** A team's inbound-lead webhook secret: 32 random bytes in base64url (43 characters). */
export const newInboundSecret = (): string => randomBytes(32).toString('base64url');
