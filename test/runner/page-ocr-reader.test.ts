/**
 * The default page-OCR module (src/runner/page-ocr-reader.ts): planning, one page's OCR as a
 * small JSON value, and the merge give the same result as extractFile's one-piece OCR.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract-file.js';
import { extractLayout } from '../../src/pipeline/extract.js';
import type { OcrEngine } from '../../src/read/ocr/engine.js';
import { createOcrEngine } from '../../src/read/ocr/engine.js';
import { withOcrFallback } from '../../src/read/ocr/fallback.js';
import { decodeOcrPage, encodeOcrPage, mergeOcrPages, ocrPdfPageValue } from '../../src/read/ocr/pages.js';
import { readPdf } from '../../src/read/pdf/index.js';
import { DEFAULT_PAGE_OCR_MODULE, loadPageOcr } from '../../src/runner/page-ocr.js';
import { readImage } from '../../src/read/image/index.js';
import { extractWithPages, ocrImagePage, ocrPage, planPages } from '../../src/runner/page-ocr-reader.js';

const ROOT = join(import.meta.dirname, '../..');
const MIXED = join(ROOT, 'fixtures/scans/000_7b2aa8f5eb30b1d2-bordered-mixed.pdf');
const TEXT_PDF = join(ROOT, 'fixtures/pdf/000_7b2aa8f5eb30b1d2-bordered.pdf');
const SEED = join(ROOT, 'fixtures/seeds/001_5e37c471fde3e7ca.txt');
const FAX_TIFF = join(ROOT, 'fixtures/scans/001_5e37c471fde3e7ca-borderless-fax.tiff');
const PHOTO = join(ROOT, 'fixtures/scans/002_b8c477cb9f4f63a8-rotated-photo.jpg');

/** An engine that recognises each distinct raster once. */
function memoEngine(inner: OcrEngine): OcrEngine {
  const seen = new Map<string, ReturnType<OcrEngine['recognize']>>();
  return {
    recognize(img, dpi, psm) {
      const key = `${createHash('sha1').update(img.data).digest('hex')}:${img.width}:${dpi}:${psm ?? ''}`;
      let r = seen.get(key);
      if (!r) seen.set(key, (r = inner.recognize(img, dpi, psm)));
      return r;
    },
    terminate: () => inner.terminate(),
  };
}

/** `actual` with each number within `tol` of `expected`'s replaced by it (shapes untouched). */
function withCoordsNear(actual: unknown, expected: unknown, tol: number): unknown {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= tol ? expected : actual;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.map((v, i) => withCoordsNear(v, expected[i], tol));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    return Object.fromEntries(
      Object.entries(actual).map(([k, v]) => [
        k,
        withCoordsNear(v, (expected as Record<string, unknown>)[k], tol),
      ]),
    );
  }
  return actual;
}

/** A JSON value that crossed Redis. */
const throughJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('page-OCR reader', () => {
  it('is the default module and exports the three functions', async () => {
    expect(DEFAULT_PAGE_OCR_MODULE).toMatch(/page-ocr-reader\.(ts|js)$/);
    const mod = await loadPageOcr(DEFAULT_PAGE_OCR_MODULE!);
    expect(typeof mod.planPages).toBe('function');
  });

  it('plans no page for text and text-layer PDFs, and extracts them as extractFile does', async () => {
    for (const path of [SEED, TEXT_PDF]) {
      const bytes = new Uint8Array(readFileSync(path));
      const name = path.split('/').pop()!;
      expect(await planPages(bytes, name)).toEqual([]);
      expect(await extractWithPages(bytes, name, new Map())).toEqual(
        await extractFile(bytes, { fileName: name }),
      );
    }
  });

  it('OCRs only the scanned page; page values through JSON give extractFile’s result', async () => {
    const bytes = new Uint8Array(readFileSync(MIXED));
    const name = 'mixed.pdf';
    const plan = await planPages(bytes, name);
    expect(plan).toEqual([2]);
    // One OCR for both paths: the second asks the same page of a memoising engine.
    const engine = memoEngine(await createOcrEngine());
    try {
      const value = throughJson(await ocrPdfPageValue(bytes, name, 2, async () => engine));
      const size = JSON.stringify(value).length;
      process.stdout.write(`page 2 OCR value: ${size} bytes of JSON\n`);
      expect(size).toBeLessThan(64 * 1024);
      const viaPages = await extractWithPages(bytes, name, new Map([[2, value]]));
      const doc = await withOcrFallback(await readPdf(bytes, { file: name }), bytes, { file: name, engine });
      doc.source.file = name;
      const direct = extractLayout(doc);
      expect(viaPages.source.extraction).toBe('mixed');
      expect(viaPages).toEqual(direct);
    } finally {
      await engine.terminate();
    }
  }, 120_000);

  it('plans one page per frame of a multi-page TIFF; page values through JSON give extractFile’s result', async () => {
    const bytes = new Uint8Array(readFileSync(FAX_TIFF));
    const name = 'faks.tiff';
    expect(await planPages(bytes, name)).toEqual([1, 2]);
    // A single image is one page: no page jobs, extracted whole.
    expect(await planPages(new Uint8Array(readFileSync(PHOTO)), 'foto.jpg')).toEqual([]);
    const engine = memoEngine(await createOcrEngine());
    try {
      const values = new Map<number, unknown>();
      for (const page of [2, 1]) {
        values.set(
          page,
          throughJson(encodeOcrPage(await ocrImagePage(bytes, name, page, async () => engine))),
        );
      }
      const viaPages = await extractWithPages(bytes, name, values);
      const doc = await readImage(bytes, { file: name, engine });
      doc.source.sha256 = createHash('sha256').update(bytes).digest('hex');
      const direct = extractLayout(doc);
      expect(viaPages.source).toMatchObject({ pages: 2, extraction: 'ocr', mediaType: 'image/tiff' });
      // Equal but for a coordinate's last digit here and there: page values round to 1/1000 pt.
      expect(withCoordsNear(viaPages, direct, 0.011)).toEqual(direct);
    } finally {
      await engine.terminate();
    }
    await expect(ocrImagePage(bytes, name, 3, async () => engine)).rejects.toThrow(/2 page\(s\), not page 3/);
  }, 180_000);

  it('OCRs a page in its thread engine and returns the page it was asked for', async () => {
    const bytes = new Uint8Array(readFileSync(MIXED));
    // Page 1 has a text layer but can be OCR'd all the same; a page past the end is unreadable.
    const value = decodeOcrPage(throughJson(await ocrPage(bytes, 'mixed.pdf', 9)));
    expect(value.page).toBe(9);
    expect(value.issues[0]).toMatchObject({ code: 'UNREADABLE_PAGE', page: 9 });
  });

  it('encodes and decodes a page without loss beyond the rounding, and refuses a malformed value', () => {
    const page = {
      page: 3,
      blank: false,
      issues: [],
      geom: {
        page: 3,
        width: 595.32,
        height: 841.92,
        extraction: 'ocr' as const,
        meanConfidence: 91.2,
        words: [
          { text: 'Jabatan', bbox: { x0: 10.1234, top: 20, x1: 50.5, bottom: 30.25 }, confidence: 95.5 },
        ],
        rulings: [{ orientation: 'h' as const, x0: 1, top: 2, x1: 300, bottom: 2 }],
      },
    };
    const back = decodeOcrPage(throughJson(encodeOcrPage(page)));
    expect(back.geom.words[0]).toEqual({
      text: 'Jabatan',
      bbox: { x0: 10.123, top: 20, x1: 50.5, bottom: 30.25 },
      confidence: 95.5,
    });
    expect(back.geom.rulings).toEqual(page.geom.rulings);
    expect(() => decodeOcrPage({ v: 1, page: 1 })).toThrow(/malformed/);
    expect(() =>
      decodeOcrPage({ v: 1, page: 1, width: 1, height: 1, words: [[1]], rulings: [], issues: [] }),
    ).toThrow(/word/);
    expect(() => decodeOcrPage(null)).toThrow(/malformed/);
  });

  it('a blank OCR page becomes a NO_TEXT issue and leaves the page as it was', () => {
    const doc = {
      irVersion: 1 as const,
      source: {
        file: 'x.pdf',
        sha256: '',
        mediaType: 'application/pdf',
        pages: 1,
        extraction: 'pdf-text' as const,
      },
      pages: [{ page: 1, width: 100, height: 100, words: [], rulings: [], extraction: 'pdf-text' as const }],
      blocks: [],
      issues: [{ code: 'NO_TEXT' as const, page: 1, message: 'no text layer' }],
    };
    const merged = mergeOcrPages(doc, [
      { page: 1, blank: true, issues: [], geom: { ...doc.pages[0]!, extraction: 'ocr' } },
    ]);
    expect(merged.issues).toEqual([{ code: 'NO_TEXT', page: 1, message: 'page 1 is blank' }]);
    expect(merged.pages).toEqual(doc.pages);
    expect(merged.source.extraction).toBe('pdf-text');
  });
});
