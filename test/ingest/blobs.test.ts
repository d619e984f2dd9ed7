import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { IkiError } from '../../src/errors.js';
import {
  blobPath,
  hasBlob,
  putBlob,
  readBlob,
  sha256Hex,
  sha256OfKey,
  storageKeyOf,
} from '../../src/ingest/blobs.js';

const root = mkdtempSync(join(tmpdir(), 'iki-blobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('blob store', () => {
  it('stores bytes once under their hash and reads them back', async () => {
    const bytes = Buffer.from('Indikator Kinerja Individu');
    const first = await putBlob(bytes, root);
    expect(first.sha256).toBe(sha256Hex(bytes));
    expect(first.storageKey).toBe(`blobs/${first.sha256.slice(0, 2)}/${first.sha256}`);
    expect(first.created).toBe(true);
    const again = await putBlob(bytes, root);
    expect(again).toEqual({ ...first, created: false });
    expect(Buffer.from(await readBlob(first.storageKey, root))).toEqual(bytes);
    expect(hasBlob(first.storageKey, root)).toBe(true);
  });

  it('refuses keys that are not its own (no path leaves the data directory)', () => {
    for (const key of [
      '../etc/passwd',
      'blobs/ab/../../x',
      `blobs/zz/${'a'.repeat(64)}`,
      `blobs/ab/${'a'.repeat(64)}`,
    ]) {
      expect(() => blobPath(key, root)).toThrow(IkiError);
    }
    expect(sha256OfKey(storageKeyOf('A'.repeat(64)))).toBe('a'.repeat(64));
    expect(() => storageKeyOf('xyz')).toThrow(/not a sha256/);
  });

  it('property: any key-shaped string either maps inside the root or is refused', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        try {
          expect(blobPath(key, root).startsWith(join(root, 'blobs'))).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(IkiError);
        }
      }),
    );
  });

  it('names a missing or damaged blob (a retryable error, not bad input)', async () => {
    const missing = storageKeyOf('b'.repeat(64));
    await expect(readBlob(missing, root)).rejects.toMatchObject({ code: 'BLOB_MISSING' });
    const { storageKey } = await putBlob(Buffer.from('asli'), root);
    writeFileSync(blobPath(storageKey, root), 'rusak');
    await expect(readBlob(storageKey, root)).rejects.toMatchObject({ code: 'BLOB_CORRUPT' });
  });
});
