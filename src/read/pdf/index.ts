/**
 * Text-layer PDFs → LayoutDocument. Pages are read one at a time (text content, then the
 * operator list only when the page has text) and released before the next, so memory stays
 * bounded by one page plus the words kept. Sideways content is turned upright; a page whose
 * text layer is missing or mojibake is reported as an issue so the OCR path can take it.
 */
import { createHash } from 'node:crypto';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { BadInputError, InputTooLargeError } from '../../errors.js';
import { IR_VERSION } from '../../ir/document.js';
import type {
  Block,
  LayoutDocument,
  PageGeom,
  ReadIssue,
  RulingLine,
  TableBlock,
} from '../../ir/document.js';
import type { TableSettings } from '../../geometry/settings.js';
import { resolveTableSettings } from '../../geometry/settings.js';
import { pageToBlocks } from './blocks.js';
import type { Matrix } from './matrix.js';
import { compose, quarterTurnsOf, uprightTurn } from './matrix.js';
import { openPdf } from './pdfjs.js';
import { operatorListToRulings } from './rulings.js';
import { assessTextLayer } from './text-layer.js';
import type { TextLayerVerdict } from './text-layer.js';
import type { RawTextItem } from './words.js';
import { itemAngle, itemsToWords } from './words.js';

export { assessTextLayer } from './text-layer.js';
export type { TextLayerQuality, TextLayerVerdict } from './text-layer.js';
export { pageToBlocks } from './blocks.js';

/** Pages read unless the caller says otherwise; a longer PDF is refused as too large. */
export const DEFAULT_MAX_PAGES = 2000;
/** A PDF whose last bytes hold no `%%EOF` marker was cut short (pdfjs may still recover pages). */
const EOF_SEARCH_BYTES = 2048;
/** Sideways text must carry more than this share of a page's characters to turn the page. */
const TURN_MAJORITY = 0.5;

export interface ReadPdfOptions {
  /** Base name as uploaded, for errors and `source.file`. */
  file: string;
  /** Refuse PDFs with more pages (InputTooLargeError). @defaultValue DEFAULT_MAX_PAGES */
  maxPages?: number;
  /** Table-finding tolerances; see DEFAULT_TABLE_SETTINGS. */
  table?: Partial<TableSettings>;
}

/** Quarter turns that bring the page's dominant text direction back to left-to-right. */
function dominantTurns(items: readonly RawTextItem[], toPage: Matrix): 0 | 1 | 2 | 3 {
  const weight = [0, 0, 0, 0];
  let total = 0;
  for (const it of items) {
    const n = it.str.trim().length;
    if (!n) continue;
    weight[quarterTurnsOf(itemAngle(it, toPage))]! += n;
    total += n;
  }
  let best = 0;
  for (let q = 1; q < 4; q++) if (weight[q]! > weight[best]!) best = q;
  return best !== 0 && weight[best]! > TURN_MAJORITY * total ? (best as 1 | 2 | 3) : 0;
}

function onPage(r: RulingLine, width: number, height: number): boolean {
  return r.x1 >= 0 && r.x0 <= width && r.bottom >= 0 && r.top <= height;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof openPdf>>['doc']['getPage']>>;

/** One page as geometry (words and rules in upright top-left points). */
export async function readPdfPage(page: PdfPage, pageNo: number, thinRectMax: number): Promise<PageGeom> {
  const viewport = page.getViewport({ scale: 1 });
  const toViewport = viewport.transform as unknown as Matrix;
  const content = await page.getTextContent();
  const items = content.items.filter((i): i is TextItem => 'str' in i) as unknown as RawTextItem[];
  const turn = uprightTurn(dominantTurns(items, toViewport), viewport.width, viewport.height);
  const toPage = compose(turn.m, toViewport);
  const words = itemsToWords(items, content.styles, toPage);
  // Rules matter only around text; a page without text goes to OCR, which needs no rules.
  let rulings: RulingLine[] = [];
  if (words.length > 0) {
    const ops = await page.getOperatorList();
    rulings = operatorListToRulings(ops, toPage, thinRectMax).filter((r) =>
      onPage(r, turn.width, turn.height),
    );
  }
  return { page: pageNo, width: turn.width, height: turn.height, words, rulings, extraction: 'pdf-text' };
}

/** Consecutive pages with the same unusable verdict, as one issue each. */
function textLayerIssues(verdicts: readonly { page: number; verdict: TextLayerVerdict }[]): ReadIssue[] {
  const issues: ReadIssue[] = [];
  let i = 0;
  while (i < verdicts.length) {
    const v = verdicts[i]!;
    let j = i;
    while (
      j + 1 < verdicts.length &&
      verdicts[j + 1]!.verdict === v.verdict &&
      verdicts[j + 1]!.page === verdicts[j]!.page + 1
    )
      j++;
    if (v.verdict !== 'ok') {
      const last = verdicts[j]!.page;
      const where = last === v.page ? `page ${v.page}` : `pages ${v.page}–${last}`;
      issues.push({
        code: v.verdict === 'no-text' ? 'NO_TEXT' : 'UNREADABLE_PAGE',
        page: v.page,
        message:
          v.verdict === 'no-text'
            ? `${where}: no text layer (blank or scanned); OCR is needed`
            : `${where}: the text layer is garbled (broken font encoding); OCR is needed`,
      });
    }
    i = j + 1;
  }
  return issues;
}

function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - EOF_SEARCH_BYTES))).toString('latin1');
  return !tail.includes('%%EOF');
}

/** Number the blocks of all pages in reading order. */
function numberBlocks(blocks: Block[]): Block[] {
  blocks.forEach((b, i) => {
    b.lineNo = i;
  });
  return blocks;
}

/** Reads a text-layer PDF into pages of geometry and reading-order blocks. */
export async function readPdf(bytes: Uint8Array, opts: ReadPdfOptions): Promise<LayoutDocument> {
  const { file } = opts;
  const settings = resolveTableSettings(opts.table);
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  const opened = await openPdf(bytes, file, 'text');
  const issues: ReadIssue[] = [];
  const pages: PageGeom[] = [];
  const blocks: Block[] = [];
  const verdicts: { page: number; verdict: TextLayerVerdict }[] = [];
  try {
    const n = opened.doc.numPages;
    if (n === 0) throw new BadInputError('the PDF has no pages', { file, stage: 'read' });
    if (n > maxPages) {
      throw new InputTooLargeError(`the PDF has ${n} pages; the limit is ${maxPages}`, {
        file,
        stage: 'read',
      });
    }
    if (looksTruncated(bytes)) {
      issues.push({
        code: 'TRUNCATED_INPUT',
        page: null,
        message: 'the PDF has no end-of-file marker: it was cut short; later pages may be missing',
      });
    }
    for (let p = 1; p <= n; p++) {
      let geom: PageGeom;
      try {
        const page = await opened.doc.getPage(p);
        try {
          geom = await readPdfPage(page, p, settings.thinRectMax);
        } finally {
          page.cleanup();
        }
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        issues.push({
          code: 'UNREADABLE_PAGE',
          page: p,
          message: `page ${p}: could not be read (${reason})`,
        });
        pages.push({ page: p, width: 0, height: 0, words: [], rulings: [], extraction: 'pdf-text' });
        continue;
      }
      verdicts.push({ page: p, verdict: assessTextLayer(geom.words).verdict });
      pages.push(geom);
      blocks.push(...pageToBlocks(geom, settings, 'pdf-grid').blocks);
    }
  } finally {
    await opened.close();
  }
  issues.push(...textLayerIssues(verdicts));
  return {
    irVersion: IR_VERSION,
    source: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mediaType: 'application/pdf',
      pages: pages.length,
      extraction: 'pdf-text',
    },
    pages,
    blocks: numberBlocks(blocks),
    issues,
  };
}

/** Blocks for pages read some other way (OCR words): the same table finding, another origin. */
export function blocksFromPages(
  pages: readonly PageGeom[],
  origin: TableBlock['origin'],
  table?: Partial<TableSettings>,
): Block[] {
  const settings = resolveTableSettings(table);
  return numberBlocks(pages.flatMap((p) => pageToBlocks(p, settings, origin).blocks));
}
