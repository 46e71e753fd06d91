import { describe, expect, it } from 'vitest';
import { newInboundSecret, newToken, TOKEN_PREFIX, tokenDigest } from '../../../src/server/auth/tokens';

describe('bearer tokens', () => {
  it('are ddk_ and 32 random bytes in base64url, never repeated', () => {
    const tokens = Array.from({ length: 200 }, newToken);
    for (const token of tokens) {
      expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
      expect(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('are stored as their SHA-256 digest: 32 bytes, the same for the same token, different otherwise', () => {
    const token = newToken();
    expect(tokenDigest(token)).toHaveLength(32);
    expect(tokenDigest(token).equals(tokenDigest(`${token}`))).toBe(true);
    expect(tokenDigest(token).equals(tokenDigest(newToken()))).toBe(false);
    // The known SHA-256 of "abc" (FIPS 180-2, appendix B.1): the digest is the standard one.
    expect(tokenDigest('abc').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('team inbound secrets carry 32 random bytes', () => {
    expect(Buffer.from(newInboundSecret(), 'base64url')).toHaveLength(32);
    expect(newInboundSecret()).not.toBe(newInboundSecret());
  });
});
