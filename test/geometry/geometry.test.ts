import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RulingLine, Word } from '../../src/ir/document.js';
import type { BBox } from '../../src/ir/geometry.js';
import { cellsToTables, edgesToIntersections, intersectionsToCells } from '../../src/geometry/cells.js';
import { clusterIndex, clusterObjects, clusterValues, median } from '../../src/geometry/cluster.js';
import {
  joinEdgeGroup,
  mergeEdges,
  rectToRulings,
  segmentToRuling,
  snapEdges,
} from '../../src/geometry/edges.js';
import { cellsToGrid, gridSlots } from '../../src/geometry/grid.js';
import { groupWordsIntoLines, lineText, splitAtGaps, wordsToText } from '../../src/geometry/lines.js';
import { DEFAULT_TABLE_SETTINGS, resolveTableSettings } from '../../src/geometry/settings.js';

const h = (x0: number, x1: number, y: number): RulingLine => ({
  orientation: 'h',
  x0,
  x1,
  top: y,
  bottom: y,
});
const v = (x: number, top: number, bottom: number): RulingLine => ({
  orientation: 'v',
  x0: x,
  x1: x,
  top,
  bottom,
});
const word = (text: string, x0: number, top: number, width = text.length * 5, size = 10): Word => ({
  text,
  bbox: { x0, top, x1: x0 + width, bottom: top + size },
  fontSize: size,
});
const S = DEFAULT_TABLE_SETTINGS;

/** Rules of a grid with the given column and row boundaries. */
function gridRules(xs: number[], ys: number[]): RulingLine[] {
  return [
    ...ys.map((y) => h(xs[0]!, xs[xs.length - 1]!, y)),
    ...xs.map((x) => v(x, ys[0]!, ys[ys.length - 1]!)),
  ];
}

function cellsOf(edges: RulingLine[]): BBox[] {
  return intersectionsToCells(edgesToIntersections(mergeEdges(edges, S), 3, 3));
}

describe('clustering', () => {
  it('chains values within the tolerance', () => {
    expect(clusterValues([10, 1, 2, 11, 30, 3.5], 1.5)).toEqual([[1, 2, 3.5], [10, 11], [30]]);
    expect(clusterIndex([5, 100, 6], (x) => x, 2)).toEqual([0, 1, 0]);
    expect(clusterObjects(['b', 'a', 'c'], (s) => s.charCodeAt(0) * 10, 5)).toEqual([['a'], ['b'], ['c']]);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it('property: clusters partition the input, sorted, with gaps wider than the tolerance between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { maxLength: 60 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (xs, tol) => {
          const groups = clusterValues(xs, tol);
          expect(groups.flat()).toEqual([...xs].sort((a, b) => a - b));
          for (let i = 1; i < groups.length; i++)
            expect(groups[i]![0]! - groups[i - 1]!.at(-1)!).toBeGreaterThan(tol);
          for (const g of groups)
            for (let k = 1; k < g.length; k++) expect(g[k]! - g[k - 1]!).toBeLessThanOrEqual(tol);
        },
      ),
    );
  });
});

describe('edges', () => {
  it('turns thin rectangles into one rule and thick ones into four', () => {
    expect(rectToRulings({ x0: 10, top: 20, x1: 200, bottom: 20.75 }, 2)).toEqual([h(10, 200, 20.375)]);
    expect(rectToRulings({ x0: 10, top: 20, x1: 10.75, bottom: 90 }, 2)).toEqual([v(10.375, 20, 90)]);
    expect(rectToRulings({ x0: 0, top: 0, x1: 50, bottom: 30 }, 2)).toHaveLength(4);
    expect(rectToRulings({ x0: 0, top: 0, x1: 1, bottom: 1 }, 2)).toEqual([]);
    expect(segmentToRuling(0, 0, 10, 10)).toBeNull();
    expect(segmentToRuling(5, 100, 5.2, 20)).toEqual(v(5.1, 20, 100));
  });

  it('snaps nearly collinear rules and joins touching pieces', () => {
    const snapped = snapEdges([h(0, 10, 100), h(12, 20, 101)], 3, 3);
    expect(snapped.map((e) => e.top)).toEqual([100.5, 100.5]);
    expect(joinEdgeGroup([h(12, 20, 5), h(0, 10, 5), h(40, 50, 5)], 'h', 3)).toEqual([
      h(0, 20, 5),
      h(40, 50, 5),
    ]);
    const merged = mergeEdges([h(0, 10, 100), h(11, 20, 101), v(0, 0, 1)], S);
    expect(merged).toEqual([h(0, 20, 100.5)]);
  });

  it('property: merging never lengthens the total drawn extent nor adds rules', () => {
    const rule = fc.record({
      x: fc.integer({ min: 0, max: 500 }),
      y: fc.integer({ min: 0, max: 800 }),
      len: fc.integer({ min: 0, max: 300 }),
      vert: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 40 }), (rs) => {
        const edges = rs.map((r) => (r.vert ? v(r.x, r.y, r.y + r.len) : h(r.x, r.x + r.len, r.y)));
        const merged = mergeEdges(edges, S);
        expect(merged.length).toBeLessThanOrEqual(edges.length);
        for (const e of merged) {
          expect(e.x1).toBeGreaterThanOrEqual(e.x0);
          expect(e.bottom).toBeGreaterThanOrEqual(e.top);
        }
      }),
    );
  });
});

describe('edges → cells → tables → grid', () => {
  it('finds the cells of a full grid', () => {
    const cells = cellsOf(gridRules([0, 50, 120], [0, 20, 40, 60]));
    expect(cells).toHaveLength(6);
    expect(cellsToTables(cells)).toHaveLength(1);
    const grid = cellsToGrid(cells, 2);
    expect(grid.xs).toEqual([0, 50, 120]);
    expect(grid.ys).toEqual([0, 20, 40, 60]);
  });

  it('keeps a cell that spans two rows, and reports the slot it covers', () => {
    // Column 0 has no rule at y=40 (a vertically merged cell).
    const edges = [
      h(0, 120, 0),
      h(0, 120, 20),
      h(50, 120, 40),
      h(0, 120, 60),
      v(0, 0, 60),
      v(50, 0, 60),
      v(120, 0, 60),
    ];
    const grid = cellsToGrid(cellsOf(edges), 2);
    const merged = grid.cells.find((c) => c.col === 0 && c.row === 1)!;
    expect(merged).toMatchObject({ rowSpan: 2, colSpan: 1 });
    const slots = gridSlots(grid);
    expect(slots[2]![0]).toEqual({ kind: 'covered', cell: grid.cells.indexOf(merged) });
    expect(slots[2]![1]!.kind).toBe('origin');
  });

  it('separates two tables that share no corner, and drops a lone box', () => {
    const a = gridRules([0, 50, 100], [0, 20, 40]);
    const b = gridRules([0, 50, 100], [200, 220, 240]);
    const box = gridRules([300, 400], [300, 350]);
    const tables = cellsToTables(cellsOf([...a, ...b, ...box]));
    expect(tables.map((t) => t.length)).toEqual([4, 4]);
    expect(tables[0]![0]!.top).toBe(0);
  });

  it('property: every cell of a random grid is found, once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 7 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { minLength: 2, maxLength: 7 }),
        (cx, cy) => {
          const xs = cx.map((x) => x * 10).sort((a, b) => a - b);
          const ys = cy.map((y) => y * 10).sort((a, b) => a - b);
          const cells = cellsOf(gridRules(xs, ys));
          expect(cells).toHaveLength((xs.length - 1) * (ys.length - 1));
          const grid = cellsToGrid(cells, 2);
          expect(
            gridSlots(grid)
              .flat()
              .every((s) => s.kind === 'origin'),
          ).toBe(true);
        },
      ),
    );
  });
});

describe('words → lines', () => {
  it('groups by baseline, reads left to right, keeps wide gaps as tabs', () => {
    const ws = [
      word('SELATAN', 300, 101),
      word('CAMAT', 10, 100),
      word('SEKRETARIS', 250, 100.5),
      word('NIP.', 10, 130),
    ];
    const lines = groupWordsIntoLines(ws, 3);
    expect(lines.map((l) => l.words.map((w) => w.text))).toEqual([
      ['CAMAT', 'SEKRETARIS', 'SELATAN'],
      ['NIP.'],
    ]);
    expect(lineText(lines[0]!, 2)).toBe('CAMAT\tSEKRETARIS SELATAN');
    expect(splitAtGaps(lines[0]!.words, 20)).toHaveLength(2);
    expect(wordsToText([word('kedua', 0, 20), word('baris', 0, 0), word('pertama', 30, 0)], 3)).toBe(
      'baris pertama\nkedua',
    );
  });

  it('joins the last letter of a word broken at the edge of its cell back to the word', () => {
    const cell = [word('Seluruh', 0, 0), word('Desa/Keluraha', 0, 12), word('n', 0, 24)];
    expect(wordsToText(cell, 3)).toBe('Seluruh\nDesa/Kelurahan');
    expect(wordsToText([word('Jumlah', 0, 0), word('a.', 0, 12)], 3)).toBe('Jumlah\na.');
  });

  it('property: every word lands in exactly one line', () => {
    const w = fc.record({
      x: fc.integer({ min: 0, max: 500 }),
      y: fc.integer({ min: 0, max: 800 }),
      t: fc.string({ minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(w, { maxLength: 50 }), (ws) => {
        const words = ws.map((o) => word(o.t, o.x, o.y));
        const lines = groupWordsIntoLines(words, 3);
        expect(lines.flatMap((l) => l.words)).toHaveLength(words.length);
        for (const l of lines)
          for (let k = 1; k < l.words.length; k++)
            expect(l.words[k]!.bbox.x0).toBeGreaterThanOrEqual(l.words[k - 1]!.bbox.x0);
      }),
    );
  });
});

describe('settings', () => {
  it('fills defaults and names the bad key', () => {
    expect(resolveTableSettings({ snapTolerance: 5 }).snapTolerance).toBe(5);
    expect(resolveTableSettings().joinTolerance).toBe(3);
    expect(() => resolveTableSettings({ joinTolerance: -1 })).toThrow(/"joinTolerance"/);
    expect(() => resolveTableSettings({ nope: 1 } as never)).toThrow(/unknown table setting "nope"/);
  });
});
