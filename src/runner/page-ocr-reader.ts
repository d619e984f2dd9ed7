/**
 * The page-OCR module over the real OCR reader (src/read/ocr), the default of both runners (see
 * page-ocr.ts): a PDF's pages without a usable text layer become one OCR job each, and the
 * parse merges their values into the text-layer reading, exactly as withOcrFallback does in one
 * go. A multi-page TIFF's pages become one OCR job each too, put together as readImage does.
 * Every other format (text, docx, single images) plans no pages and is extracted as extractFile
 * would (an image with this thread's OCR engine). Loaded by specifier in pool threads, so its
 * state below is per thread.
 */
import { createHash } from 'node:crypto';
import type { ExtractedFile } from '../contract/schema.js';
import { BadInputError } from '../errors.js';
import type { LayoutDocument, PageGeom, ReadIssue } from '../ir/document.js';
import type { OcrEngine } from '../read/ocr/engine.js';
import type { OcrPageJson } from '../read/ocr/pages.js';
import type { OcrPdfPage } from '../read/ocr/pdf.js';

/**
 * A thread's OCR engine is kept this long (ms) after its last page, then stopped: starting one
 * (tesseract's wasm and two language models) costs about a second, a page's OCR a few.
 */
export const ENGINE_IDLE_MS = 30_000;

let engine: Promise<OcrEngine> | null = null;
let idleTimer: NodeJS.Timeout | undefined;

async function threadEngine(): Promise<OcrEngine> {
  clearTimeout(idleTimer);
  engine ??= import('../read/ocr/engine.js').then((m) => m.createOcrEngine());
  try {
    return await engine;
  } catch (err) {
    engine = null;
    throw err;
  }
}

function releaseEngineLater(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const e = engine;
    engine = null;
    void e?.then((x) => x.terminate()).catch(() => undefined);
  }, ENGINE_IDLE_MS);
  idleTimer.unref();
}

/**
 * The last PDF reading of this thread, by content hash: when nothing needs OCR the runner
 * extracts right after planning on the same thread, and reading a PDF twice would be waste.
 * Taken (removed) on use, since later stages may change the document.
 */
let lastRead: { sha256: string; doc: LayoutDocument } | null = null;

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The reader a file needs: 'pdf', 'image', or 'other' (text, docx, …: extractFile as it is). */
async function kindOf(bytes: Uint8Array, fileName: string): Promise<'pdf' | 'image' | 'other'> {
  if (bytes.length === 0)
    throw new BadInputError('the file is empty (0 bytes)', { file: fileName, stage: 'read' });
  const { sniffMediaTypeDetailed } = await import('../read/media-type.js');
  const { kind } = await sniffMediaTypeDetailed(bytes, fileName);
  return kind === 'pdf' || kind === 'image' ? kind : 'other';
}

async function readPdfOnce(bytes: Uint8Array, fileName: string, sha256: string): Promise<LayoutDocument> {
  if (lastRead?.sha256 === sha256) {
    const { doc } = lastRead;
    lastRead = null;
    return doc;
  }
  const { readPdf } = await import('../read/pdf/index.js');
  return readPdf(bytes, { file: fileName });
}

export async function planPages(bytes: Uint8Array, fileName: string): Promise<number[]> {
  const kind = await kindOf(bytes, fileName);
  if (kind === 'image') {
    // Headers only (limits and truncation are checked here, before any decoding).
    const { probeImage } = await import('../read/image/header.js');
    const frames = probeImage(bytes, fileName).frames.length;
    return frames > 1 ? Array.from({ length: frames }, (_, i) => i + 1) : [];
  }
  if (kind !== 'pdf') return [];
  const [{ readPdf }, { pagesNeedingOcr }] = await Promise.all([
    import('../read/pdf/index.js'),
    import('../read/ocr/fallback.js'),
  ]);
  const doc = await readPdf(bytes, { file: fileName });
  const pages = pagesNeedingOcr(doc);
  lastRead = pages.length === 0 ? { sha256: sha256Of(bytes), doc } : null;
  return pages;
}

export async function ocrPage(bytes: Uint8Array, fileName: string, page: number): Promise<OcrPageJson> {
  const [{ ocrPdfPageValue, encodeOcrPage }, kind] = await Promise.all([
    import('../read/ocr/pages.js'),
    kindOf(bytes, fileName),
  ]);
  try {
    if (kind === 'image') return encodeOcrPage(await ocrImagePage(bytes, fileName, page));
    return await ocrPdfPageValue(bytes, fileName, page, threadEngine);
  } finally {
    releaseEngineLater();
  }
}

/** Page `page` (1-based frame) of an image file, OCR'd as readImage does it (with this thread's engine). */
export async function ocrImagePage(
  bytes: Uint8Array,
  fileName: string,
  page: number,
  engine: () => Promise<OcrEngine> = threadEngine,
): Promise<OcrPdfPage> {
  const [{ probeImage }, { decodeFrame }, { ocrRaster }, { ocrPage: ocrRasterPage }] = await Promise.all([
    import('../read/image/header.js'),
    import('../read/image/decode.js'),
    import('../read/image/index.js'),
    import('../read/ocr/page.js'),
  ]);
  const probe = probeImage(bytes, fileName);
  const frame = probe.frames[page - 1];
  if (!frame) {
    throw new BadInputError(`the image has ${probe.frames.length} page(s), not page ${page}`, {
      file: fileName,
      stage: 'ocr',
      page,
    });
  }
  const target = ocrRaster(frame);
  const raster = await decodeFrame(bytes, probe.format, frame, target, fileName, page);
  const r = await ocrRasterPage(await engine(), raster, { page, dpi: target.dpi });
  return { page, geom: r.geom, issues: r.issues, blank: r.blank };
}

/**
 * An image's extraction from its pages' OCR values (a page without one is OCR'd here): the
 * document readImage builds, page by page, then the layout extraction, as extractFile does.
 */
async function extractImage(
  bytes: Uint8Array,
  fileName: string,
  pages: ReadonlyMap<number, unknown>,
): Promise<ExtractedFile> {
  const [{ probeImage }, { decodeOcrPage }, { blocksFromPages }, { IR_VERSION }, { extractLayout }] =
    await Promise.all([
      import('../read/image/header.js'),
      import('../read/ocr/pages.js'),
      import('../read/pdf/index.js'),
      import('../ir/document.js'),
      import('../pipeline/extract.js'),
    ]);
  const probe = probeImage(bytes, fileName);
  const geoms: PageGeom[] = [];
  const issues: ReadIssue[] = [];
  try {
    for (let page = 1; page <= probe.frames.length; page++) {
      const r = pages.has(page) ? decodeOcrPage(pages.get(page)) : await ocrImagePage(bytes, fileName, page);
      geoms.push(r.geom);
      issues.push(...r.issues);
    }
  } finally {
    releaseEngineLater();
  }
  const doc: LayoutDocument = {
    irVersion: IR_VERSION,
    source: {
      file: fileName,
      sha256: sha256Of(bytes),
      mediaType: probe.mediaType,
      pages: geoms.length,
      extraction: 'ocr',
    },
    pages: geoms,
    blocks: blocksFromPages(geoms, 'ocr-grid'),
    issues,
  };
  return extractLayout(doc);
}

export async function extractWithPages(
  bytes: Uint8Array,
  fileName: string,
  pages: ReadonlyMap<number, unknown>,
): Promise<ExtractedFile> {
  const kind = await kindOf(bytes, fileName);
  if (kind === 'image') return extractImage(bytes, fileName, pages);
  if (kind !== 'pdf') {
    const { extractFile } = await import('../pipeline/extract-file.js');
    return extractFile(bytes, { fileName });
  }
  const [{ pagesNeedingOcr }, { decodeOcrPage, mergeOcrPages }, { ocrPdfPages }, { extractLayout }] =
    await Promise.all([
      import('../read/ocr/fallback.js'),
      import('../read/ocr/pages.js'),
      import('../read/ocr/pdf.js'),
      import('../pipeline/extract.js'),
    ]);
  const sha256 = sha256Of(bytes);
  const read = await readPdfOnce(bytes, fileName, sha256);
  const wanted = pagesNeedingOcr(read);
  const results = wanted.flatMap((p) => (pages.has(p) ? [decodeOcrPage(pages.get(p))] : []));
  // A page planned elsewhere but missing here (a plan from another version) is OCR'd here.
  const missing = wanted.filter((p) => !pages.has(p));
  if (missing.length > 0) {
    try {
      results.push(...(await ocrPdfPages(bytes, fileName, missing, threadEngine)));
    } finally {
      releaseEngineLater();
    }
  }
  const doc = mergeOcrPages(read, results);
  doc.source.sha256 = sha256;
  doc.source.file = fileName;
  return extractLayout(doc);
}
