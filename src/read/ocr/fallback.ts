/**
 * The per-page OCR fallback for PDFs: pages whose text layer is missing or garbled (the verdict
 * of assessTextLayer) are rendered and OCR'd; the other pages keep their text layer. The
 * document's extraction becomes 'ocr' when every page with text was OCR'd and 'mixed' when
 * only some were. Blank pages are left as they were (nothing to read, no OCR time spent).
 */
import type { Block, LayoutDocument, PageGeom, ReadIssue } from '../../ir/document.js';
import type { TableSettings } from '../../geometry/settings.js';
import { assessTextLayer, blocksFromPages } from '../pdf/index.js';
import type { OcrEngine, OcrEngineOptions } from './engine.js';
import { createOcrEngine } from './engine.js';
import { ocrPdfPages } from './pdf.js';

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

  const targetSet = new Set(targets);
  const ocrd = new Map<number, PageGeom>();
  const issues: ReadIssue[] = doc.issues.filter(
    (i) =>
      !((i.code === 'NO_TEXT' || i.code === 'UNREADABLE_PAGE') && i.page !== null && targetSet.has(i.page)),
  );
  for (const r of results) {
    if (r.blank) {
      issues.push({ code: 'NO_TEXT', page: r.page, message: `page ${r.page} is blank` });
    } else {
      issues.push(...r.issues);
      if (r.geom.width > 0) ocrd.set(r.page, r.geom);
    }
  }
  const pages = doc.pages.map((p) => ocrd.get(p.page) ?? p);
  const textPages = doc.pages.filter((p) => !targetSet.has(p.page) && p.width > 0).length;

  const blocks: Block[] = [
    ...doc.blocks.filter((b) => b.page === null || !ocrd.has(b.page)),
    ...blocksFromPages([...ocrd.values()], 'ocr-grid', opts.table),
  ];
  // Stable: blocks of one page keep their reading order.
  blocks.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  blocks.forEach((b, i) => (b.lineNo = i));
  issues.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));

  const extraction = ocrd.size === 0 ? doc.source.extraction : textPages === 0 ? 'ocr' : 'mixed';
  return { ...doc, source: { ...doc.source, extraction }, pages, blocks, issues };
}
