/**
 * The PDF per-page OCR fallback and the multi-page TIFF path, with a stub engine (no tesseract):
 * which pages go to OCR, how their geometry replaces the text layer's, what the document says.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/read/image/gray.js';
import { decodeFrame } from '../../src/read/image/decode.js';
import { probeImage } from '../../src/read/image/header.js';
import { ocrRaster, readImage } from '../../src/read/image/index.js';
import type { OcrEngine, OcrWord } from '../../src/read/ocr/engine.js';
import { pagesNeedingOcr, withOcrFallback } from '../../src/read/ocr/fallback.js';
import { readPdf } from '../../src/read/pdf/index.js';

const root = resolve(__dirname, '../..');
const MIXED = join(root, 'fixtures/scans/000_7b2aa8f5eb30b1d2-bordered-mixed.pdf');
const TIFF = join(root, 'fixtures/scans/001_5e37c471fde3e7ca-borderless-fax.tiff');

/** Says "Tugas" at the top left of every page it is shown (nothing in cell crops); records the rasters. */
function stubEngine(seen: { width: number; height: number; dpi: number }[]): OcrEngine {
  return {
    async recognize(img: GrayImage, dpi: number, psm?: string): Promise<OcrWord[]> {
      if (psm) return [];
      seen.push({ width: img.width, height: img.height, dpi });
      return [
        {
          text: 'Tugas',
          confidence: 42,
          x0: 300,
          y0: 300,
          x1: 500,
          y1: 340,
          baseline: 335,
          rowHeight: 45,
          descenders: 8,
        },
      ];
    },
    async terminate() {},
  };
}

describe('PDF OCR fallback', () => {
  it('OCRs only the scanned page, keeps the text pages, and calls the document mixed', async () => {
    const bytes = new Uint8Array(readFileSync(MIXED));
    const doc = await readPdf(bytes, { file: 'mixed.pdf' });
    expect(pagesNeedingOcr(doc)).toEqual([2]);
    const seen: { width: number; height: number; dpi: number }[] = [];
    const out = await withOcrFallback(doc, bytes, { file: 'mixed.pdf', engine: stubEngine(seen) });
    expect(out.source.extraction).toBe('mixed');
    expect(out.pages.map((p) => p.extraction)).toEqual(['pdf-text', 'ocr', 'pdf-text', 'pdf-text']);
    // Rendered at 300 dpi: an A4 page is about 2480 px wide.
    expect(seen[0]!.dpi).toBe(300);
    expect(seen[0]!.width).toBeGreaterThan(2400);
    const page2 = out.pages[1]!;
    expect(page2.words[0]).toMatchObject({ text: 'Tugas', confidence: 42 });
    expect(page2.words[0]!.bbox.x0).toBeCloseTo(72, 5);
    expect(page2.meanConfidence).toBe(42);
    expect(out.issues.filter((i) => i.page === 2).map((i) => i.code)).toEqual(['LOW_OCR_CONFIDENCE']);
    expect(out.issues.some((i) => i.code === 'NO_TEXT')).toBe(false);
    const page2Blocks = out.blocks.filter((b) => b.page === 2);
    const page2Text = page2Blocks.flatMap((b) =>
      b.kind === 'line' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text)),
    );
    expect(page2Text).toContain('Tugas');
    // The scanned page's ruled table is found from the rules on its pixels.
    const gridRows = page2Blocks.flatMap((b) =>
      b.kind === 'table' && b.origin === 'ocr-grid' ? b.rows : [],
    );
    expect(gridRows.length).toBeGreaterThanOrEqual(3);
    expect(gridRows[0]!.cells).toHaveLength(5);
    expect(out.blocks.map((b) => b.lineNo)).toEqual(out.blocks.map((_, i) => i));
  });

  it('leaves a text-layer PDF alone (no engine is started)', async () => {
    const bytes = new Uint8Array(
      readFileSync(join(root, 'fixtures/pdf/001_5e37c471fde3e7ca-borderless.pdf')),
    );
    const doc = await readPdf(bytes, { file: 'b.pdf' });
    const engine: OcrEngine = {
      recognize: () => Promise.reject(new Error('must not be called')),
      terminate: async () => {},
    };
    const out = await withOcrFallback(doc, bytes, { file: 'b.pdf', engine });
    expect(out).toBe(doc);
    expect(out.source.extraction).toBe('pdf-text');
  });
});

describe('multi-page TIFF', () => {
  it('decodes each page at the OCR resolution and reads them one by one', async () => {
    const bytes = new Uint8Array(readFileSync(TIFF));
    const probe = probeImage(bytes, 'fax.tiff');
    expect(probe.frames).toHaveLength(2);
    expect(probe.frames[0]!.dpiX).toBe(200);
    const target = ocrRaster(probe.frames[1]!);
    expect(target.dpi).toBe(300);
    const raster = await decodeFrame(bytes, 'tiff', probe.frames[1]!, target, 'fax.tiff', 2);
    expect(raster.width).toBe(Math.round((probe.frames[1]!.width * 300) / 200));
    let dark = 0;
    for (const v of raster.data) if (v < 128) dark++;
    expect(dark / raster.data.length).toBeGreaterThan(0.005);

    const seen: { width: number; height: number; dpi: number }[] = [];
    const doc = await readImage(bytes, { file: 'fax.tiff', engine: stubEngine(seen) });
    expect(doc.source).toMatchObject({ mediaType: 'image/tiff', pages: 2, extraction: 'ocr' });
    expect(doc.pages.map((p) => p.page)).toEqual([1, 2]);
    // A4 at 200 dpi → 595 × 842 points.
    expect(doc.pages[0]!.width).toBeCloseTo(595, -1);
    expect(seen).toHaveLength(2);
  });
});
