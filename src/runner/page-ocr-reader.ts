/**
 * The page-OCR module over the real OCR reader (src/read/ocr), the default of both runners (see
 * page-ocr.ts): a PDF's pages without a usable text layer become one OCR job each, and the
 * parse merges their values into the text-layer reading, exactly as withOcrFallback does in one
 * go. Every other format (text, docx, images) plans no pages and is extracted as extractFile
 * would. Loaded by specifier in pool threads, so its state below is per thread.
 */
import { createHash } from 'node:crypto';
import type { ExtractedFile } from '../contract/schema.js';
import { BadInputError } from '../errors.js';
import type { LayoutDocument } from '../ir/document.js';
import type { OcrEngine } from '../read/ocr/engine.js';
import type { OcrPageJson } from '../read/ocr/pages.js';

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

async function isPdf(bytes: Uint8Array, fileName: string): Promise<boolean> {
  if (bytes.length === 0)
    throw new BadInputError('the file is empty (0 bytes)', { file: fileName, stage: 'read' });
  const { sniffMediaTypeDetailed } = await import('../read/media-type.js');
  return (await sniffMediaTypeDetailed(bytes, fileName)).kind === 'pdf';
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
  if (!(await isPdf(bytes, fileName))) return [];
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
  const { ocrPdfPageValue } = await import('../read/ocr/pages.js');
  try {
    return await ocrPdfPageValue(bytes, fileName, page, threadEngine);
  } finally {
    releaseEngineLater();
  }
}

export async function extractWithPages(
  bytes: Uint8Array,
  fileName: string,
  pages: ReadonlyMap<number, unknown>,
): Promise<ExtractedFile> {
  if (!(await isPdf(bytes, fileName))) {
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
