/**
 * One page's geometry → reading-order blocks: ruled tables first (rulings → merged edges →
 * intersections → cells → grid, words assigned to cells by their centre), then borderless
 * tables among the remaining lines, and the rest as lines of text. Works on any PageGeom, so
 * the OCR path can use it with origin 'ocr-grid'.
 */
import type { BBox } from '../../ir/geometry.js';
import { bboxUnion } from '../../ir/geometry.js';
import type { Block, LineBlock, PageGeom, TableBlock, TableCell, TableRow, Word } from '../../ir/document.js';
import { cellsToTables, edgesToIntersections, intersectionsToCells } from '../../geometry/cells.js';
import { mergeEdges } from '../../geometry/edges.js';
import { cellsToGrid, gridSlots } from '../../geometry/grid.js';
import type { TextLine } from '../../geometry/lines.js';
import { centre, contains, groupWordsIntoLines, lineText, wordsToText } from '../../geometry/lines.js';
import { findBorderlessTables } from '../../geometry/borderless.js';
import type { BorderlessTable } from '../../geometry/borderless.js';
import type { TableSettings } from '../../geometry/settings.js';

/** Intermediates kept for debugging (pdfplumber's TableFinder keeps the same). */
export interface PageTableDebug {
  edges: PageGeom['rulings'];
  cells: BBox[];
  tables: BBox[][];
}

export interface PageBlocks {
  /** Blocks in reading order, `lineNo` still 0 (numbered across the document by the caller). */
  blocks: Block[];
  debug: PageTableDebug;
}

function minConfidence(words: readonly Word[]): number | undefined {
  let min = Infinity;
  let any = false;
  for (const w of words) {
    if (w.confidence === undefined) continue;
    any = true;
    min = Math.min(min, w.confidence);
  }
  return any ? min : undefined;
}

function cell(text: string, bbox: BBox | null, words: readonly Word[], rowSpan = 1, colSpan = 1): TableCell {
  const c: TableCell = { text, bbox };
  const conf = minConfidence(words);
  if (conf !== undefined) c.confidence = conf;
  if (rowSpan > 1) c.rowSpan = rowSpan;
  if (colSpan > 1) c.colSpan = colSpan;
  return c;
}

/** Horizontal bands per cell lookup: a table of n rows is searched in about n times fewer cells. */
const LOOKUP_BANDS_PER_CELL = 1;

/**
 * `(x, y) => index of the first box containing the point (edges included), or -1`: the same answer
 * as `boxes.findIndex(...)`, found among the boxes crossing the point's horizontal band only.
 */
export function cellFinder(boxes: readonly BBox[]): (x: number, y: number) => number {
  let top = Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    if (b.top < top) top = b.top;
    if (b.bottom > bottom) bottom = b.bottom;
  }
  const n = Math.max(1, Math.ceil(boxes.length * LOOKUP_BANDS_PER_CELL));
  const height = bottom - top;
  if (!(height > 0) || !Number.isFinite(height)) return (x, y) => boxes.findIndex((b) => contains(b, x, y));
  const band = (y: number) => Math.min(n - 1, Math.max(0, Math.floor(((y - top) / height) * n)));
  // Each band lists, in index order, the boxes that reach into it.
  const bands: number[][] = Array.from({ length: n }, () => []);
  boxes.forEach((b, i) => {
    if (!(b.bottom >= b.top)) return; // NaN or upside down: contains() can never be true
    for (let k = band(b.top); k <= band(b.bottom); k++) bands[k]!.push(i);
  });
  return (x, y) => {
    if (!(y >= top && y <= bottom)) return -1;
    for (const i of bands[band(y)]!) if (contains(boxes[i]!, x, y)) return i;
    return -1;
  };
}

/** A ruled table as rectangular rows; slots covered by a span are empty cells with a null bbox. */
function ruledTable(
  cells: readonly BBox[],
  words: Word[],
  taken: Set<Word>,
  page: number,
  s: TableSettings,
  origin: TableBlock['origin'],
): TableBlock {
  const grid = cellsToGrid(cells, s.gridTolerance);
  const slots = gridSlots(grid);
  const inCell: Word[][] = grid.cells.map(() => []);
  const find = cellFinder(grid.cells.map((c) => c.bbox));
  for (const w of words) {
    if (taken.has(w)) continue;
    const { x, y } = centre(w.bbox);
    const k = find(x, y);
    if (k >= 0) {
      inCell[k]!.push(w);
      taken.add(w);
    }
  }
  const x0 = grid.xs[0]!;
  const x1 = grid.xs[grid.xs.length - 1]!;
  const rows: TableRow[] = slots.map((slotRow, r) => {
    const rowBox: BBox = { x0, top: grid.ys[r]!, x1, bottom: grid.ys[r + 1]! };
    const out = slotRow.map((slot, c) => {
      if (slot.kind === 'origin') {
        const gc = grid.cells[slot.cell]!;
        return cell(
          wordsToText(inCell[slot.cell]!, s.lineTolerance),
          gc.bbox,
          inCell[slot.cell]!,
          gc.rowSpan,
          gc.colSpan,
        );
      }
      if (slot.kind === 'covered') return cell('', null, []);
      return cell('', { x0: grid.xs[c]!, top: rowBox.top, x1: grid.xs[c + 1]!, bottom: rowBox.bottom }, []);
    });
    return { cells: out, page, bbox: rowBox };
  });
  return { kind: 'table', rows, origin, page, bbox: bboxUnion([...cells]), lineNo: 0 };
}

function borderlessTable(
  t: BorderlessTable,
  page: number,
  s: TableSettings,
  origin: TableBlock['origin'],
): TableBlock {
  const rows: TableRow[] = t.rows.map((r) => {
    const cells = r.cells.map((ws, c) =>
      cell(
        wordsToText(ws, s.lineTolerance),
        { x0: t.xs[c]!, top: r.top, x1: t.xs[c + 1]!, bottom: r.bottom },
        ws,
      ),
    );
    return { cells, page, bbox: { x0: t.bbox.x0, top: r.top, x1: t.bbox.x1, bottom: r.bottom } };
  });
  return { kind: 'table', rows, origin, page, bbox: t.bbox, lineNo: 0 };
}

function lineBlock(l: TextLine, page: number, s: TableSettings): LineBlock {
  return { kind: 'line', text: lineText(l, s.tabGapEm), lineNo: 0, page, bbox: l.bbox, indent: l.bbox.x0 };
}

const topOf = (b: Block) => b.bbox?.top ?? 0;
const leftOf = (b: Block) => b.bbox?.x0 ?? 0;

/** The blocks of one page, top to bottom. */
export function pageToBlocks(
  page: PageGeom,
  s: TableSettings,
  origin: TableBlock['origin'] = 'pdf-grid',
): PageBlocks {
  const edges = mergeEdges(page.rulings, s);
  const cells = intersectionsToCells(
    edgesToIntersections(edges, s.intersectionTolerance, s.intersectionTolerance),
  );
  const tables = cellsToTables(cells);
  const taken = new Set<Word>();
  const blocks: Block[] = tables.map((t) => ruledTable(t, page.words, taken, page.page, s, origin));
  const free = page.words.filter((w) => !taken.has(w));
  const { tables: loose, rest } = findBorderlessTables(groupWordsIntoLines(free, s.lineTolerance), s);
  blocks.push(...loose.map((t) => borderlessTable(t, page.page, s, origin)));
  blocks.push(...rest.map((l) => lineBlock(l, page.page, s)));
  blocks.sort((a, b) => topOf(a) - topOf(b) || leftOf(a) - leftOf(b));
  return { blocks, debug: { edges, cells, tables } };
}
