import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandZip, unsafeEntryName } from '../../src/api/zip.js';
import { BadInputError, InputTooLargeError } from '../../src/errors.js';
import { makeZip } from './zip-writer.js';

const LIMITS = { maxEntries: 10, maxTotalBytes: 1024 * 1024, maxRatio: 100, ratioMinBytes: 16 * 1024 };
const MAX_FILE = 512 * 1024;

async function expand(zip: Buffer, limits = LIMITS, maxFile = MAX_FILE) {
  const files: { path: string; name: string; bytes: Buffer }[] = [];
  const { skipped } = await expandZip(zip, 'test.zip', limits, maxFile, async (f) => {
    files.push(f);
  });
  return { files, skipped };
}

describe('unsafeEntryName', () => {
  it('refuses absolute names and parent-directory steps, accepts plain relative paths', () => {
    expect(unsafeEntryName('a/b/c.pdf')).toBeNull();
    expect(unsafeEntryName('dokumen..final.pdf')).toBeNull();
    expect(unsafeEntryName('../a.pdf')).toMatch(/traversal/);
    expect(unsafeEntryName('a/../../b.pdf')).toMatch(/traversal/);
    expect(unsafeEntryName('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeEntryName('C:/Windows/x')).toMatch(/absolute/);
    expect(unsafeEntryName('c:x')).toMatch(/absolute/);
    expect(unsafeEntryName('a\u0000b')).toMatch(/control/);
    expect(unsafeEntryName('')).toMatch(/empty/);
  });

  it('never throws, and flags every name with a ".." segment', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('..'), fc.string({ maxLength: 8 })), { maxLength: 6 }),
        (segments) => {
          const name = segments.join('/');
          const verdict = unsafeEntryName(name);
          if (segments.includes('..')) expect(verdict).not.toBeNull();
          return true;
        },
      ),
    );
  });
});

describe('expandZip', () => {
  it('delivers stored and deflated entries byte for byte, skipping folders and metadata', async () => {
    const a = Buffer.from('isi dokumen A\n'.repeat(10));
    const b = Buffer.from([0, 1, 2, 3, 255]);
    const zip = makeZip([
      { name: 'dir/' },
      { name: 'dir/a.txt', data: a },
      { name: 'b.bin', data: b, store: true },
      { name: '__MACOSX/dir/._a.txt', data: Buffer.from('meta') },
      { name: 'dir/.DS_Store', data: Buffer.from('meta') },
    ]);
    const { files, skipped } = await expand(zip);
    expect(files.map((f) => [f.path, f.name])).toEqual([
      ['dir/a.txt', 'a.txt'],
      ['b.bin', 'b.bin'],
    ]);
    expect(files[0]!.bytes.equals(a)).toBe(true);
    expect(files[1]!.bytes.equals(b)).toBe(true);
    expect(skipped.map((s) => s.path)).toEqual(['__MACOSX/dir/._a.txt', 'dir/.DS_Store']);
  });

  it('refuses the whole archive for one unsafe name, before delivering any file', async () => {
    const zip = makeZip([
      { name: 'good.txt', data: Buffer.from('ok') },
      { name: '../evil.txt', data: Buffer.from('x') },
    ]);
    const delivered: string[] = [];
    const run = expandZip(zip, 'z.zip', LIMITS, MAX_FILE, async (f) => {
      delivered.push(f.path);
    });
    await expect(run).rejects.toBeInstanceOf(BadInputError);
    await expect(run).rejects.toThrow(/traversal/);
    expect(delivered).toEqual([]);
  });

  it('refuses a zip bomb by its compression ratio', async () => {
    const zip = makeZip([{ name: 'bomb.txt', data: Buffer.alloc(400 * 1024, 0x20) }]);
    await expect(expand(zip)).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(expand(zip)).rejects.toThrow(/zip bomb/);
    // a small, very regular file is not held to the ratio
    const small = makeZip([{ name: 'spaces.txt', data: Buffer.alloc(8 * 1024, 0x20) }]);
    expect((await expand(small)).files).toHaveLength(1);
  });

  it('refuses too many entries, too large an entry and too much in total', async () => {
    const many = makeZip(
      Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') })),
    );
    await expect(expand(many)).rejects.toThrow(/11 entries/);
    const big = makeZip([{ name: 'big.bin', data: Buffer.alloc(MAX_FILE + 1, 7), store: true }]);
    await expect(expand(big)).rejects.toThrow(/limit/);
    const parts = Array.from({ length: 3 }, (_, i) => ({
      name: `p${i}.bin`,
      data: Buffer.alloc(400 * 1024, i),
      store: true,
    }));
    await expect(expand(makeZip(parts))).rejects.toThrow(/inflates to more than/);
  });

  it('calls bytes that are not a zip a bad input', async () => {
    await expect(expand(Buffer.from('PK\u0003\u0004 definitely not a zip'))).rejects.toBeInstanceOf(
      BadInputError,
    );
  });

  it("passes the caller's own errors through unchanged", async () => {
    const zip = makeZip([{ name: 'a.txt', data: Buffer.from('a') }]);
    const boom = new Error('store is down');
    await expect(
      expandZip(zip, 'z.zip', LIMITS, MAX_FILE, async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });
});
