/**
 * intersectionsToCells and cellsToTables look corners up by number, not by a printed "x,y" key;
 * the answers must be those of the string-keyed versions (kept below as the oracle).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RulingLine } from '../../src/ir/document.js';
import type { BBox } from '../../src/ir/geometry.js';
import type { Intersection } from '../../src/geometry/cells.js';
import { cellsToTables, edgesToIntersections, intersectionsToCells } from '../../src/geometry/cells.js';

const key = (x: number, y: number) => `${x},${y}`;
const shares = (a: readonly number[], b: readonly number[]) => a.some((x) => b.includes(x));

function referenceCells(intersections: ReadonlyMap<string, Intersection>): BBox[] {
  const points = [...intersections.values()].sort((a, b) => a.x - b.x || a.y - b.y);
  const cells: BBox[] = [];
  for (const pt of points) {
    const below = points.filter((p) => p.x === pt.x && p.y > pt.y);
    const right = points.filter((p) => p.y === pt.y && p.x > pt.x);
    search: for (const b of below) {
      if (!shares(pt.v, b.v)) continue;
      for (const r of right) {
        if (!shares(pt.h, r.h)) continue;
        const corner = intersections.get(key(r.x, b.y));
        if (corner && shares(corner.v, r.v) && shares(corner.h, b.h)) {
          cells.push({ x0: pt.x, top: pt.y, x1: corner.x, bottom: corner.y });
          break search;
        }
      }
    }
  }
  return cells;
}

function referenceTableSizes(cells: readonly BBox[]): number[] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const k of [key(c.x0, c.top), key(c.x1, c.top), key(c.x0, c.bottom), key(c.x1, c.bottom)]) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else parent[find(i)] = find(o);
    }
  });
  const sizes = new Map<number, number>();
  cells.forEach((_, i) => sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1));
  return [...sizes.values()].filter((n) => n >= 2).sort((a, b) => a - b);
}

// Coarse coordinates (and a -0) so that edges meet, cells share corners and keys collide.
const coord = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((n) => n * 10),
  fc.constant(-0),
);
const rule = fc
  .tuple(fc.boolean(), coord, coord, coord)
  .map(([horizontal, p, a, b]): RulingLine =>
    horizontal
      ? { orientation: 'h', x0: Math.min(a, b), x1: Math.max(a, b), top: p, bottom: p }
      : { orientation: 'v', x0: p, x1: p, top: Math.min(a, b), bottom: Math.max(a, b) },
  );

describe('corner lookups by number', () => {
  it('property: same cells and same tables as the string-keyed versions', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 14 }), (rules) => {
        const inter = edgesToIntersections(rules, 1, 1);
        const cells = intersectionsToCells(inter);
        expect(cells).toEqual(referenceCells(inter));
        expect(
          cellsToTables(cells)
            .map((t) => t.length)
            .sort((a, b) => a - b),
        ).toEqual(referenceTableSizes(cells));
      }),
      { numRuns: 300 },
    );
  });
});
