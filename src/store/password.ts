/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The stored string names the
 * algorithm and its parameters, so they can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { BadInputError } from '../errors.js';

/** scrypt CPU/memory cost: with r = 8 one hash takes 128·N·r = 32 MiB and roughly 50–100 ms. */
export const SCRYPT_N = 2 ** 15;
/** scrypt block size. */
export const SCRYPT_R = 8;
/** scrypt parallelism. */
export const SCRYPT_P = 1;
/** Derived key length in bytes. */
export const SCRYPT_KEY_BYTES = 32;
/** Salt length in bytes (random per password). */
export const SALT_BYTES = 16;
/** Shortest accepted password. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest accepted password: bounds the work an attacker can make one login cost. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Upper bound on the parameters accepted from a stored hash (a tampered row must not hang a login). */
const MAX_STORED_N = 2 ** 20;

function derive(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
  keyLen: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r, which the default (32 MiB) does not at N = 2^15, r = 8.
    scrypt(password, salt, keyLen, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt(base64)$hash(base64)`. */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new BadInputError(
      `a password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
      { stage: 'store' },
    );
  }
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_KEY_BYTES);
  return ['scrypt', SCRYPT_N, SCRYPT_R, SCRYPT_P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of a password against a stored hash; false for any malformed hash. */
export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  const valid =
    [n, r, p].every((v) => Number.isInteger(v) && v > 0) &&
    n >= 2 &&
    n <= MAX_STORED_N &&
    (n & (n - 1)) === 0 &&
    r <= 32 &&
    p <= 16 &&
    salt.length > 0 &&
    expected.length > 0;
  if (!valid || password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    const actual = await derive(password, salt, n, r, p, expected.length);
    return timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt refuses (a tampered row): not a match, and not a crash.
    return false;
  }
}
