/**
 * Page-level OCR of PDFs as separate steps, so each page can run as its own job (a pool task or a
 * queue job on another machine) and the document is put together afterwards:
 *
 *   plan:  pagesNeedingOcr(readPdf(bytes))             which pages the text layer cannot serve
 *   page:  ocrPdfPageValue(bytes, file, page, engine)  one page's OCR as a small JSON value
 *   merge: mergeOcrPages(doc, pages)                   the document with those pages replaced
 *
 * The merge is the same as withOcrFallback's (fallback.ts), which does all three in one go.
 * A page value travels through Redis, so it is compact JSON: words and rulings as arrays, every
 * coordinate rounded to COORD_DECIMALS (far below anything the layout stage distinguishes).
 */
import type { Block, LayoutDocument, PageGeom, ReadIssue, RulingLine, Word } from '../../ir/document.js';
import type { TableSettings } from '../../geometry/settings.js';
import { IkiError } from '../../errors.js';
import { blocksFromPages } from '../pdf/index.js';
import type { OcrEngine } from './engine.js';
import type { OcrPdfPage } from './pdf.js';
import { ocrPdfPages } from './pdf.js';

/** Decimals kept of a coordinate in points: 1/1000 pt, a thousandth of a pixel at 72 dpi. */
export const COORD_DECIMALS = 3;

/** A word: text, x0, top, x1, bottom, confidence (or null), font size (or null). */
export type WordJson = [string, number, number, number, number, number | null, number | null];
/** A ruling: orientation, x0, top, x1, bottom. */
export type RulingJson = ['h' | 'v', number, number, number, number];

/** One OCR'd page as JSON: what `ocrPdfPageValue` returns and `mergeOcrPages` takes. */
export interface OcrPageJson {
  v: 1;
  page: number;
  blank: boolean;
  width: number;
  height: number;
  meanConfidence: number | null;
  words: WordJson[];
  rulings: RulingJson[];
  issues: ReadIssue[];
}

const SCALE = 10 ** COORD_DECIMALS;
const round = (x: number) => Math.round(x * SCALE) / SCALE;

export function encodeOcrPage(r: OcrPdfPage): OcrPageJson {
  return {
    v: 1,
    page: r.page,
    blank: r.blank,
    width: round(r.geom.width),
    height: round(r.geom.height),
    meanConfidence: r.geom.meanConfidence ?? null,
    words: r.geom.words.map((w) => [
      w.text,
      round(w.bbox.x0),
      round(w.bbox.top),
      round(w.bbox.x1),
      round(w.bbox.bottom),
      w.confidence ?? null,
      w.fontSize ?? null,
    ]),
    rulings: r.geom.rulings.map((l) => [
      l.orientation,
      round(l.x0),
      round(l.top),
      round(l.x1),
      round(l.bottom),
    ]),
    issues: r.issues,
  };
}

function badValue(why: string): never {
  throw new IkiError('OCR_PAGE_VALUE', `a page's OCR value is malformed: ${why}`, { stage: 'ocr' });
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The page an `OcrPageJson` describes; throws IkiError when the value is not one. */
export function decodeOcrPage(value: unknown): OcrPdfPage {
  const v = value as Partial<OcrPageJson> | null;
  if (!v || typeof v !== 'object' || v.v !== 1) badValue('not a version-1 page value');
  const { page, width, height } = v;
  if (!isNum(page) || !isNum(width) || !isNum(height)) badValue('page, width or height missing');
  if (!Array.isArray(v.words) || !Array.isArray(v.rulings) || !Array.isArray(v.issues)) {
    badValue(`page ${page}: words, rulings or issues missing`);
  }
  const words = v.words.map((w): Word => {
    if (!Array.isArray(w) || typeof w[0] !== 'string' || !w.slice(1, 5).every(isNum)) {
      badValue(`page ${page}: a word is malformed`);
    }
    const word: Word = { text: w[0], bbox: { x0: w[1], top: w[2], x1: w[3], bottom: w[4] } };
    if (isNum(w[6])) word.fontSize = w[6];
    if (isNum(w[5])) word.confidence = w[5];
    return word;
  });
  const rulings = v.rulings.map((l): RulingLine => {
    if (!Array.isArray(l) || (l[0] !== 'h' && l[0] !== 'v') || !l.slice(1, 5).every(isNum)) {
      badValue(`page ${page}: a ruling is malformed`);
    }
    return { orientation: l[0], x0: l[1], top: l[2], x1: l[3], bottom: l[4] };
  });
  const geom: PageGeom = { page, width, height, words, rulings, extraction: 'ocr' };
  if (isNum(v.meanConfidence)) geom.meanConfidence = v.meanConfidence;
  return { page, geom, issues: v.issues, blank: v.blank === true };
}

/**
 * OCR of one PDF page as its JSON value. A page that cannot be rendered or read becomes an
 * empty page with an UNREADABLE_PAGE issue (as in ocrPdfPages), not a failure of the document.
 */
export async function ocrPdfPageValue(
  bytes: Uint8Array,
  file: string,
  page: number,
  engine: () => Promise<OcrEngine>,
): Promise<OcrPageJson> {
  const [r] = await ocrPdfPages(bytes, file, [page], engine);
  if (!r) throw new IkiError('OCR_NO_PAGE', `page ${page} gave no OCR result`, { file, page, stage: 'ocr' });
  return encodeOcrPage(r);
}

/**
 * The document with the given pages replaced by their OCR (the merge step of withOcrFallback):
 * their read issues replace NO_TEXT / UNREADABLE_PAGE of the text layer, their blocks are laid
 * out from the OCR words, and the extraction becomes 'ocr' or 'mixed'.
 */
export function mergeOcrPages(
  doc: LayoutDocument,
  results: readonly OcrPdfPage[],
  opts: { table?: Partial<TableSettings> } = {},
): LayoutDocument {
  if (results.length === 0) return doc;
  const targetSet = new Set(results.map((r) => r.page));
  const ocrd = new Map<number, PageGeom>();
  const issues: ReadIssue[] = doc.issues.filter(
    (i) =>
      !((i.code === 'NO_TEXT' || i.code === 'UNREADABLE_PAGE') && i.page !== null && targetSet.has(i.page)),
  );
  for (const r of [...results].sort((a, b) => a.page - b.page)) {
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
