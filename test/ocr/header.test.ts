import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { MAX_IMAGE_PIXELS, probeImage } from '../../src/read/image/header.js';
import { readImage } from '../../src/read/image/index.js';
import { frameResolution } from '../../src/read/image/resolution.js';
import { readDocument } from '../../src/pipeline/extract-file.js';

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG whose header claims `w` × `h` pixels; its image data is a few bytes (never decodable at that size). */
function pngClaiming(w: number, h: number, dpi?: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (dpi) {
    const phys = Buffer.alloc(9);
    const ppm = Math.round(dpi / 0.0254);
    phys.writeUInt32BE(ppm, 0);
    phys.writeUInt32BE(ppm, 4);
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', deflateSync(Buffer.alloc(16))), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

function jpegClaiming(w: number, h: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

function tiffClaiming(w: number, h: number): Buffer {
  const b = Buffer.alloc(8 + 2 + 3 * 12 + 4 + 4);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(3, 8);
  const entry = (i: number, tag: number, type: number, value: number) => {
    const o = 10 + i * 12;
    b.writeUInt16LE(tag, o);
    b.writeUInt16LE(type, o + 2);
    b.writeUInt32LE(1, o + 4);
    b.writeUInt32LE(value, o + 8);
  };
  entry(0, 256, 4, w);
  entry(1, 257, 4, h);
  entry(2, 273, 4, b.length - 4);
  return b;
}

describe('image headers: limits before decoding', () => {
  it('refuses a 20,000 × 20,000 PNG naming the file and the limit, before decoding', async () => {
    const bytes = pngClaiming(20_000, 20_000);
    const err = await readImage(bytes, { file: 'huge-scan.png' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    const e = err as BadInputError;
    expect(e.file).toBe('huge-scan.png');
    expect(e.message).toContain('20000 × 20000');
    expect(e.message).toContain(`${MAX_IMAGE_PIXELS / 1e6} megapixels`);
    expect(e.describe()).toMatch(/^huge-scan\.png: /);
  });

  it('refuses oversized JPEG and TIFF headers the same way, also through readDocument', async () => {
    expect(() => probeImage(jpegClaiming(20_000, 20_000), 'a.jpg')).toThrow(/megapixels/);
    expect(() => probeImage(tiffClaiming(20_000, 20_000), 'a.tif')).toThrow(/megapixels/);
    await expect(readDocument(pngClaiming(20_000, 20_000), { fileName: 'b.png' })).rejects.toThrow(
      /megapixels/,
    );
  });

  it('refuses empty and truncated images with a clear reason', async () => {
    expect(() => probeImage(new Uint8Array(0), 'e.png')).toThrow(/empty/);
    const canvas = createCanvas(200, 100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 200, 100);
    ctx.fillStyle = '#000';
    ctx.fillRect(20, 20, 100, 10);
    const png = canvas.toBuffer('image/png');
    const jpeg = canvas.toBuffer('image/jpeg');
    expect(() => probeImage(png.subarray(0, png.length - 20), 't.png')).toThrow(/truncated/);
    expect(() => probeImage(jpeg.subarray(0, jpeg.length >> 1), 't.jpg')).toThrow(/truncated/);
    expect(() => probeImage(tiffClaiming(100, 100).subarray(0, 30), 't.tif')).toThrow(BadInputError);
    expect(() => probeImage(Buffer.from('GIF89a........'), 'x.gif')).toThrow(/PNG, JPEG or TIFF/);
    expect(probeImage(png, 'ok.png').frames[0]).toMatchObject({ width: 200, height: 100 });
  });

  it('reads the stated resolution, and assumes an A4-wide page when it is missing or implausible', () => {
    const stated = probeImage(pngClaiming(2480, 3508, 300), 'a.png').frames[0]!;
    expect(stated.dpiX).toBeCloseTo(300, 0);
    expect(frameResolution(stated)).toMatchObject({ stated: true });
    // 72 dpi would make this page 34 inches wide: not a scan setting.
    const screen = probeImage(pngClaiming(2480, 3508, 72), 'b.png').frames[0]!;
    const r = frameResolution(screen);
    expect(r.stated).toBe(false);
    expect(r.dpiX).toBeGreaterThan(290);
    expect(r.dpiX).toBeLessThan(310);
  });

  it('never throws anything but BadInputError on arbitrary bytes after an image signature', () => {
    const sigs = [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff],
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...sigs), fc.uint8Array({ maxLength: 300 }), (sig, rest) => {
        try {
          probeImage(Uint8Array.from([...sig, ...rest]), 'fuzz');
        } catch (err) {
          expect(err).toBeInstanceOf(BadInputError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
