/**
 * Test documents: the seed forms (and the generated PDFs), made distinct by a change that does
 * not alter what they say, so each copy has its own sha256.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures');

export function seedFiles(): { name: string; bytes: Buffer }[] {
  const dir = join(FIXTURES, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Text-layer PDFs from fixtures/pdf (not the encrypted one). */
export function pdfFiles(): { name: string; bytes: Buffer }[] {
  const dir = join(FIXTURES, 'pdf');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && !f.includes('encrypted'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** A text copy made distinct by a trailing line of spaces and tabs spelling `n` in binary. */
export function textVariant(bytes: Uint8Array, n: number): Buffer {
  const tail = `\n${n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t')}\n`;
  return Buffer.concat([Buffer.from(bytes), Buffer.from(tail)]);
}

/** A PDF copy made distinct by a comment after %%EOF (readers ignore it). */
export function pdfVariant(bytes: Uint8Array, n: number): Buffer {
  return Buffer.concat([Buffer.from(bytes), Buffer.from(`\n%variant ${n}\n`)]);
}

/** A small text form: the first `chars` characters of a seed (a whole form or two). */
export function smallForm(n: number, chars = 2500): Buffer {
  const seeds = seedFiles();
  const seed = seeds[n % seeds.length]!;
  return textVariant(seed.bytes.subarray(0, chars), n);
}

/** Bytes that announce a PDF and are not one. */
export function corruptPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x9c)]);
}

export { makeZip, type ZipEntrySpec } from '../../helpers/zip-writer.js';
