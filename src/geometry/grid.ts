/**
 * Cells (rectangles found from rulings) → a row/column grid with spans. Grid lines are the
 * clustered cell borders; a cell spanning several grid rows or columns keeps its span, and the
 * slots it covers are reported so a reader can emit the rectangular rows the IR asks for.
 */
import type { BBox } from '../ir/geometry.js';
import { clusterValues, mean } from './cluster.js';

export interface GridCell {
  bbox: BBox;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid {
  /** Column boundaries, left to right (columns = xs.length - 1). */
  xs: number[];
  /** Row boundaries, top to bottom (rows = ys.length - 1). */
  ys: number[];
  cells: GridCell[];
}

function nearest(bounds: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++)
    if (Math.abs(bounds[i]! - v) < Math.abs(bounds[best]! - v)) best = i;
  return best;
}

/** Lays cells on the grid of their clustered borders (borders within `tolerance` are one line). */
export function cellsToGrid(cells: readonly BBox[], tolerance: number): Grid {
  const xs = clusterValues(
    cells.flatMap((c) => [c.x0, c.x1]),
    tolerance,
  ).map(mean);
  const ys = clusterValues(
    cells.flatMap((c) => [c.top, c.bottom]),
    tolerance,
  ).map(mean);
  const out: GridCell[] = [];
  for (const bbox of cells) {
    const col = nearest(xs, bbox.x0);
    const row = nearest(ys, bbox.top);
    const colSpan = Math.max(1, nearest(xs, bbox.x1) - col);
    const rowSpan = Math.max(1, nearest(ys, bbox.bottom) - row);
    out.push({ bbox, row, col, rowSpan, colSpan });
  }
  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells: out };
}

/** What fills one slot of the grid: the index of the cell that starts there, covers it, or nothing. */
export type Slot = { kind: 'origin'; cell: number } | { kind: 'covered'; cell: number } | { kind: 'empty' };

/** The grid as rows × columns of slots; when cells overlap (bad drawing), the first cell wins. */
export function gridSlots(grid: Grid): Slot[][] {
  const nRows = Math.max(0, grid.ys.length - 1);
  const nCols = Math.max(0, grid.xs.length - 1);
  const slots: Slot[][] = Array.from({ length: nRows }, () =>
    Array.from({ length: nCols }, (): Slot => ({ kind: 'empty' })),
  );
  grid.cells.forEach((c, i) => {
    const first = slots[c.row]?.[c.col];
    if (!first || first.kind !== 'empty') return;
    for (let r = c.row; r < Math.min(nRows, c.row + c.rowSpan); r++) {
      for (let k = c.col; k < Math.min(nCols, c.col + c.colSpan); k++) {
        if (slots[r]![k]!.kind === 'empty') slots[r]![k] = { kind: 'covered', cell: i };
      }
    }
    slots[c.row]![c.col] = { kind: 'origin', cell: i };
  });
  return slots;
}
