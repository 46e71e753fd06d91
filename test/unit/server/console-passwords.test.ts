import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/server/auth/passwords';

describe('console password hashing (scrypt)', () => {
  it('verifies the same password, refuses another, and salts every hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  it('matches a password typed in another Unicode form (NFKC), and never a value of another scheme', async () => {
    const stored = await hashPassword('ｐａｓｓ word 123');
    expect(await verifyPassword('pass word 123', stored)).toBe(true);
    expect(await verifyPassword('anything', 'bcrypt$whatever')).toBe(false);
  });
});
