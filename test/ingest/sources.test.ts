import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/sources.js';
import { isArchiveName, walkSources } from '../../src/ingest/sources.js';
import { makeZip } from './helpers/documents.js';

const root = mkdtempSync(join(tmpdir(), 'iki-src-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

mkdirSync(join(root, 'sub/deeper'), { recursive: true });
writeFileSync(join(root, 'b.txt'), 'b');
writeFileSync(join(root, 'a.txt'), 'a');
writeFileSync(join(root, '.hidden.txt'), 'h');
writeFileSync(join(root, 'sub/c.txt'), 'c');
writeFileSync(join(root, 'sub/deeper/d.txt'), 'd');
writeFileSync(join(root, 'sub/arsip.zip'), makeZip([{ name: 'dalam/e.txt', data: 'e' }]));
symlinkSync(root, join(root, 'sub/loop'));

async function walk(paths: string[], recursive = false): Promise<Source[]> {
  const out: Source[] = [];
  for await (const s of walkSources(paths, { recursive })) out.push(s);
  return out;
}

const names = (xs: Source[]) => xs.map((s) => s.display.replace(root, '.'));

describe('walking sources', () => {
  it('reads a folder’s own files in name order, skipping hidden ones', async () => {
    const got = await walk([root]);
    expect(names(got)).toEqual(['./a.txt', './b.txt']);
    expect(got[0]).toMatchObject({ kind: 'file', fileName: 'a.txt', bytes: Buffer.from('a') });
  });

  it('with recursive: sub-folders and archive members too, and a symlink loop once', async () => {
    const got = await walk([root], true);
    expect(names(got)).toEqual([
      './a.txt',
      './b.txt',
      './sub/arsip.zip!/dalam/e.txt',
      './sub/c.txt',
      './sub/deeper/d.txt',
    ]);
    expect(got[2]).toMatchObject({ kind: 'file', fileName: 'e.txt' });
  });

  it('turns a missing path and a bad archive into problems, and goes on', async () => {
    writeFileSync(join(root, 'rusak.zip'), 'PK not really');
    const got = await walk([join(root, 'tidak-ada.txt'), join(root, 'rusak.zip'), join(root, 'a.txt')]);
    expect(got.map((s) => s.kind)).toEqual(['problem', 'problem', 'file']);
    expect(got[0]).toMatchObject({ reason: expect.stringMatching(/ENOENT|no such file/) });
    expect(got[1]).toMatchObject({ reason: expect.stringMatching(/^archive refused/) });
  });

  it('treats only .zip names as archives (a .docx is a document)', () => {
    expect(isArchiveName('x.ZIP')).toBe(true);
    expect(isArchiveName('x.docx')).toBe(false);
  });
});
