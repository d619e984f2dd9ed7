import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import type { ZipMember, ZipMemberProblem } from '../../src/ingest/zip.js';
import { isJunkPath, isSafeMemberPath, readZip, resolveZipLimits } from '../../src/ingest/zip.js';
import type { ZipEntrySpec } from './helpers/documents.js';
import { makeZip } from './helpers/documents.js';

const dir = mkdtempSync(join(tmpdir(), 'iki-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(entries: ZipEntrySpec[], limits = {}): Promise<(ZipMember | ZipMemberProblem)[]> {
  const file = join(dir, `a${n++}.zip`);
  writeFileSync(file, makeZip(entries));
  const out: (ZipMember | ZipMemberProblem)[] = [];
  for await (const m of readZip(file, 'a.zip', resolveZipLimits(limits))) out.push(m);
  return out;
}

describe('zip archives', () => {
  it('yields every member with its bytes, skipping folders and archiver metadata', async () => {
    const members = await read([
      { name: 'arsip/', data: '', deflate: false },
      { name: 'arsip/iki-1.txt', data: 'INDIKATOR KINERJA INDIVIDU' },
      { name: 'arsip/iki-2.txt', data: 'stored', deflate: false },
      { name: '__MACOSX/arsip/._iki-1.txt', data: 'junk' },
      { name: 'arsip/.DS_Store', data: 'junk' },
    ]);
    expect(members).toEqual([
      { path: 'arsip/iki-1.txt', bytes: Buffer.from('INDIKATOR KINERJA INDIVIDU') },
      { path: 'arsip/iki-2.txt', bytes: Buffer.from('stored') },
    ]);
  });

  it('refuses a zip bomb by its compression ratio before inflating anything', async () => {
    const bomb = Buffer.alloc(8 * 1024 * 1024, 0x41);
    const err = await read([{ name: 'bom.txt', data: bomb }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).message).toMatch(/inflates \d+× \(limit 100×\)/);
  });

  it('refuses too many entries, too many bytes in all, and one entry too large', async () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' }));
    await expect(read(many, { maxEntries: 5 })).rejects.toThrow(/6 entries \(limit 5\)/);
    await expect(
      read(
        [
          { name: 'a.txt', data: 'x'.repeat(600) },
          { name: 'b.txt', data: 'y'.repeat(600) },
        ],
        { maxTotalBytes: 1000 },
      ),
    ).rejects.toThrow(/more than 1000 bytes/);
    await expect(read([{ name: 'a.txt', data: 'x'.repeat(600) }], { maxEntryBytes: 500 })).rejects.toThrow(
      /inflates to 600 bytes/,
    );
  });

  it('refuses a member path that leaves the archive', async () => {
    for (const name of ['../evil.txt', 'ok/../../evil.txt', '/etc/passwd']) {
      await expect(read([{ name, data: 'x' }])).rejects.toThrow(BadInputError);
    }
  });

  it('catches a header that lies about its size (yauzl checks the real size)', async () => {
    const members = await read([{ name: 'lie.txt', data: 'x'.repeat(5000), declaredSize: 10 }]);
    expect(members).toHaveLength(1);
    expect((members[0] as ZipMemberProblem).reason).toMatch(/cannot inflate/);
  });

  it('reports an encrypted member instead of failing the archive', async () => {
    const members = await read([
      { name: 'rahasia.txt', data: 'x', encrypted: true },
      { name: 'biasa.txt', data: 'y' },
    ]);
    expect(members[0]).toEqual({ path: 'rahasia.txt', reason: 'the archive member is encrypted' });
    expect((members[1] as ZipMember).bytes.toString()).toBe('y');
  });

  it('refuses a file that is not a zip with a clear reason', async () => {
    const file = join(dir, 'bukan.zip');
    writeFileSync(file, 'not a zip at all');
    const gen = readZip(file, 'bukan.zip');
    await expect(gen.next()).rejects.toThrow(/archive refused: not a readable zip/);
  });

  it('path rules: safe paths are relative and never climb; junk is metadata', () => {
    expect(isSafeMemberPath('a/b/c.pdf')).toBe(true);
    expect(isSafeMemberPath('a/..b/c.pdf')).toBe(true);
    expect(isSafeMemberPath('C:/x')).toBe(false);
    expect(isSafeMemberPath('a\\..\\b')).toBe(false);
    expect(isJunkPath('x/Thumbs.db')).toBe(true);
    expect(isJunkPath('x/laporan.pdf')).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '..', '.', 'b c', ''), { maxLength: 6 }), (parts) => {
        const p = parts.join('/');
        if (isSafeMemberPath(p)) expect(p.split('/')).not.toContain('..');
      }),
    );
  });

  it('rejects a non-positive limit by name', () => {
    expect(() => resolveZipLimits({ maxRatio: 0 })).toThrow(/maxRatio/);
  });
});
