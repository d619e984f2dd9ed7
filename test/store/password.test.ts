import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { checkPassword, hashPassword } from '../../src/store/password.js';

describe('password hashing', () => {
  it('produces a self-describing salted scrypt hash that checks only the right password', async () => {
    const [a, b] = await Promise.all([
      hashPassword('kata sandi rahasia'),
      hashPassword('kata sandi rahasia'),
    ]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await checkPassword('kata sandi rahasia', a)).toBe(true);
    expect(await checkPassword('kata sandi rahasiA', a)).toBe(false);
  });

  it('rejects malformed or tampered hashes without throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$1$8$1$c2FsdA==$aGFzaA==',
      'scrypt$1099511627776$8$1$c2FsdA==$aGFzaA==',
      'bcrypt$x',
    ]) {
      expect(await checkPassword('whatever password', stored)).toBe(false);
    }
  });

  it('refuses a password that is too short', async () => {
    await expect(hashPassword('short')).rejects.toBeInstanceOf(BadInputError);
  });
});
