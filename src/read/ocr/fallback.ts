/**
 * The per-page OCR fallback for PDFs: pages whose text layer is missing or garbled (the verdict
 * of assessTextLayer) are rendered and OCR'd; the other pages keep their text layer. The
 * document's extraction becomes 'ocr' when every page with text was OCR'd and 'mixed' when
 * only some were. Blank pages are left as they were (nothing to read, no OCR time spent).
 */
import type { LayoutDocument } from '../../ir/document.js';
import type { TableSettings } from '../../geometry/settings.js';
import { assessTextLayer } from '../pdf/index.js';
import type { OcrEngine, OcrEngineOptions } from './engine.js';
import { createOcrEngine } from './engine.js';
import { ocrPdfPages } from './pdf.js';
import { mergeOcrPages } from './pages.js';

export interface OcrFallbackOptions {
  file: string;
  /** A running engine to use (and leave running); otherwise one is made on demand and terminated. */
  engine?: OcrEngine;
  ocr?: OcrEngineOptions;
  table?: Partial<TableSettings>;
  /** Render resolution for OCR instead of OCR_DPI, for measurements. */
  dpi?: number;
}

/** Pages (1-based) the text layer cannot serve; pages that failed to load (width 0) are not retried. */
export function pagesNeedingOcr(doc: LayoutDocument): number[] {
  return doc.pages.filter((p) => p.width > 0 && !assessTextLayer(p.words).usable).map((p) => p.page);
}

/** The document with its unusable pages replaced by their OCR. `bytes` are the PDF's. */
export async function withOcrFallback(
  doc: LayoutDocument,
  bytes: Uint8Array,
  opts: OcrFallbackOptions,
): Promise<LayoutDocument> {
  const targets = pagesNeedingOcr(doc);
  if (targets.length === 0) return doc;
  let engine = opts.engine;
  const own = !engine;
  const lazyEngine = async () => (engine ??= await createOcrEngine(opts.ocr));
  let results;
  try {
    results = await ocrPdfPages(bytes, opts.file, targets, lazyEngine, opts.dpi);
  } finally {
    if (own) await engine?.terminate();
  }

  // One merge for both paths: here, and the page jobs' parse step (pages.ts).
  return mergeOcrPages(doc, results, { table: opts.table });
}
