/**
 * Merged edges → intersections → cells → tables, as pdfplumber's table.py: a cell is the
 * smallest rectangle whose four corners are intersections joined by drawn edges; cells that
 * share a corner belong to one table.
 */
import type { BBox } from '../ir/geometry.js';
import type { RulingLine } from '../ir/document.js';

export interface Intersection {
  x: number;
  y: number;
  /** Indexes (into the edge list) of the vertical and horizontal edges that meet here. */
  v: number[];
  h: number[];
}

const key = (x: number, y: number) => `${x},${y}`;

/**
 * A map keyed by a point, as `key(x, y)` would key it but without printing numbers to strings
 * (slow in a hot loop). Map keys compare as SameValueZero, as the printed key does: -0 is 0, NaN is NaN.
 */
class PointMap<T> {
  private readonly rows = new Map<number, Map<number, T>>();
  get(x: number, y: number): T | undefined {
    return this.rows.get(x)?.get(y);
  }
  set(x: number, y: number, v: T): void {
    let row = this.rows.get(x);
    if (!row) this.rows.set(x, (row = new Map()));
    row.set(y, v);
  }
}

/** Points where a vertical edge and a horizontal edge meet (each within the tolerance of the other). */
export function edgesToIntersections(
  edges: readonly RulingLine[],
  xTolerance: number,
  yTolerance: number,
): Map<string, Intersection> {
  const out = new Map<string, Intersection>();
  const vs = edges.map((e, i) => ({ e, i })).filter((o) => o.e.orientation === 'v');
  const hs = edges.map((e, i) => ({ e, i })).filter((o) => o.e.orientation === 'h');
  vs.sort((a, b) => a.e.x0 - b.e.x0 || a.e.top - b.e.top);
  hs.sort((a, b) => a.e.top - b.e.top || a.e.x0 - b.e.x0);
  for (const v of vs) {
    for (const h of hs) {
      if (h.e.top < v.e.top - yTolerance) continue;
      if (h.e.top > v.e.bottom + yTolerance) break;
      if (v.e.x0 >= h.e.x0 - xTolerance && v.e.x0 <= h.e.x1 + xTolerance) {
        const k = key(v.e.x0, h.e.top);
        let p = out.get(k);
        if (!p) {
          p = { x: v.e.x0, y: h.e.top, v: [], h: [] };
          out.set(k, p);
        }
        p.v.push(v.i);
        p.h.push(h.i);
      }
    }
  }
  return out;
}

function shares(a: readonly number[], b: readonly number[]): boolean {
  return a.some((x) => b.includes(x));
}

/** The smallest rectangles whose four corners are intersections connected by edges. */
export function intersectionsToCells(intersections: ReadonlyMap<string, Intersection>): BBox[] {
  const points = [...intersections.values()].sort((a, b) => a.x - b.x || a.y - b.y);
  const byX = new Map<number, Intersection[]>();
  const byY = new Map<number, Intersection[]>();
  for (const p of points) {
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x)!).push(p);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y)!).push(p);
  }
  const at = new PointMap<Intersection>();
  for (const p of points) at.set(p.x, p.y, p);
  const cells: BBox[] = [];
  for (const pt of points) {
    const below = byX.get(pt.x)!.filter((p) => p.y > pt.y); // sorted by y
    const right = byY.get(pt.y)!.filter((p) => p.x > pt.x); // sorted by x
    search: for (const b of below) {
      if (!shares(pt.v, b.v)) continue;
      for (const r of right) {
        if (!shares(pt.h, r.h)) continue;
        const corner = at.get(r.x, b.y);
        if (corner && shares(corner.v, r.v) && shares(corner.h, b.h)) {
          cells.push({ x0: pt.x, top: pt.y, x1: corner.x, bottom: corner.y });
          break search;
        }
      }
    }
  }
  return cells;
}

/** Cells grouped into tables by shared corners; tables sorted top-to-bottom, left-to-right. */
export function cellsToTables(cells: readonly BBox[], minCells = 2): BBox[][] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new PointMap<number>();
  cells.forEach((c, i) => {
    for (const [x, y] of [
      [c.x0, c.top],
      [c.x1, c.top],
      [c.x0, c.bottom],
      [c.x1, c.bottom],
    ] as const) {
      const o = owner.get(x, y);
      if (o === undefined) owner.set(x, y, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, BBox[]>();
  cells.forEach((c, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(c);
  });
  const tables = [...groups.values()].filter((t) => t.length >= minCells);
  const topLeft = (t: BBox[]) =>
    t.reduce((m, c) => (c.top < m.top || (c.top === m.top && c.x0 < m.x0) ? c : m));
  return tables
    .map((t) => ({ t, tl: topLeft(t) }))
    .sort((a, b) => a.tl.top - b.tl.top || a.tl.x0 - b.tl.x0)
    .map((o) => o.t);
}
