/**
 * Test documents: the seed forms (and the generated PDFs), made distinct by a change that does
 * not alter what they say, so each copy has its own sha256.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

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

export interface ZipEntrySpec {
  name: string;
  data: Uint8Array | string;
  /** Deflate the data (default true). */
  deflate?: boolean;
  /** Declare this uncompressed size instead of the real one (a lying header). */
  declaredSize?: number;
  /** Set the encryption flag. */
  encrypted?: boolean;
}

/** A zip file (deflate or stored) for archive tests. */
export function makeZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const deflate = e.deflate ?? true;
    const body = deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name, 'utf8');
    const flags = 0x800 | (e.encrypted ? 1 : 0);
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
