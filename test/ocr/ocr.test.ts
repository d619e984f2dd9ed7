/**
 * The OCR path on small rendered pages: words, confidences, boxes in PDF points, issues. One
 * tesseract worker serves the whole file (about 2 s to start, ~1–2 s per small page).
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/read/image/gray.js';
import type { OcrEngine } from '../../src/read/ocr/engine.js';
import { createOcrEngine, encodeSpix } from '../../src/read/ocr/engine.js';
import { LOW_PAGE_CONFIDENCE_THRESHOLD, ocrPage } from '../../src/read/ocr/page.js';
import { readPdf } from '../../src/read/pdf/index.js';
import { readFileSync } from 'node:fs';
import { renderTop } from './render.js';

const root = resolve(__dirname, '../..');
const PDF = join(root, 'fixtures/pdf/000_7b2aa8f5eb30b1d2-bordered.pdf');
const DPI = 300;
/** The title and "Jabatan" line of the fixture's first page. */
const TOP_PT = 110;

let engine: OcrEngine;
let top: GrayImage;

beforeAll(async () => {
  engine = await createOcrEngine();
  top = await renderTop(PDF, 1, DPI, TOP_PT);
}, 60_000);
afterAll(async () => {
  await engine?.terminate();
});

describe('OCR of a small rendered page', () => {
  it('reads the words with high confidence, boxes in PDF points where the text layer has them', async () => {
    const r = await ocrPage(engine, top, { page: 1, dpi: DPI });
    const texts = r.geom.words.map((w) => w.text);
    expect(texts).toEqual(expect.arrayContaining(['INDIKATOR', 'KINERJA', 'INDIVIDU', 'Jabatan']));
    expect(r.geom.extraction).toBe('ocr');
    expect(r.geom.meanConfidence).toBeGreaterThan(85);
    for (const w of r.geom.words) expect(w.confidence).toBeGreaterThanOrEqual(0);
    expect(r.issues).toEqual([]);

    const textLayer = (await readPdf(new Uint8Array(readFileSync(PDF)), { file: 'x.pdf' })).pages[0]!;
    const truth = textLayer.words.find((w) => w.text === 'Jabatan')!;
    const seen = r.geom.words.find((w) => w.text === 'Jabatan')!;
    expect(Math.abs(seen.bbox.x0 - truth.bbox.x0)).toBeLessThan(3);
    expect(Math.abs(seen.bbox.bottom - truth.bbox.bottom)).toBeLessThan(4);
    expect(r.geom.width).toBeCloseTo(textLayer.width, 0);
  });

  it('reports a blank page as unreadable without OCR, and a page without letters by its confidence', async () => {
    const blank: GrayImage = { width: 800, height: 600, data: new Uint8Array(800 * 600).fill(245) };
    const b = await ocrPage(engine, blank, { page: 3, dpi: DPI });
    expect(b.blank).toBe(true);
    expect(b.issues[0]).toMatchObject({ code: 'UNREADABLE_PAGE', page: 3 });

    // Vertical hatching: ink everywhere, no letters.
    const hatch: GrayImage = { width: 600, height: 400, data: new Uint8Array(600 * 400).fill(255) };
    for (let y = 100; y < 300; y++) for (let x = 100; x < 500; x += 7) hatch.data[y * 600 + x] = 0;
    const h = await ocrPage(engine, hatch, { page: 4, dpi: DPI });
    const codes = h.issues.map((i) => i.code);
    const mean = h.geom.meanConfidence;
    expect(h.blank).toBe(false);
    if (h.geom.words.length === 0) expect(codes).toEqual(['UNREADABLE_PAGE']);
    else if (mean! < LOW_PAGE_CONFIDENCE_THRESHOLD) expect(codes).toEqual(['LOW_OCR_CONFIDENCE']);
    else expect(codes).toEqual([]);
  });

  it('de-skews before reading: a page turned by 1.5° reads the same words', async () => {
    const { rotateGray } = await import('../../src/read/ocr/deskew.js');
    const turned = rotateGray(top, -1.5);
    const r = await ocrPage(engine, turned, { page: 1, dpi: DPI });
    expect(r.skewDegrees).toBeCloseTo(1.5, 0);
    expect(r.geom.words.map((w) => w.text)).toEqual(expect.arrayContaining(['INDIKATOR', 'Jabatan']));
  });
});

describe('the page image handed to tesseract (Leptonica "spix")', () => {
  it('holds each 32-bit word of a row with its first pixel in the top byte, rows padded to words', () => {
    const img: GrayImage = { width: 5, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) };
    const bytes = encodeSpix(img);
    const head = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('spix');
    // width, height, depth, words per line, colours, raster bytes
    expect([4, 8, 12, 16, 20, 24].map((o) => head.getUint32(o, true))).toEqual([5, 2, 8, 2, 0, 16]);
    expect([...bytes.subarray(28)]).toEqual([4, 3, 2, 1, 0, 0, 0, 5, 9, 8, 7, 6, 0, 0, 0, 10]);
  });

  it('reads a page whose width is not a multiple of 4 as the same page one pixel narrower', async () => {
    const crop = (w: number): GrayImage => {
      const data = new Uint8Array(w * top.height);
      for (let y = 0; y < top.height; y++)
        data.set(top.data.subarray(y * top.width, y * top.width + w), y * w);
      return { width: w, height: top.height, data };
    };
    const even = top.width - (top.width % 4);
    const words = async (img: GrayImage) =>
      (await engine.recognize(img, DPI)).map((w) => [w.text, w.x0, w.y0, w.x1, w.y1]);
    const a = await words(crop(even));
    expect(a.length).toBeGreaterThan(3);
    expect(await words(crop(even - 1))).toEqual(a);
  });
});
