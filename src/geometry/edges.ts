/**
 * Ruling lines → merged edges: snap nearly collinear segments onto one line, then join segments
 * that touch or overlap along that line (pdfplumber's snap_edges / join_edge_group), so a border
 * drawn as many short pieces becomes one edge.
 */
import type { BBox } from '../ir/geometry.js';
import type { RulingLine } from '../ir/document.js';
import { clusterObjects, mean } from './cluster.js';

/** A rectangle's outline as four rules, or one rule at its middle when it is thin in one direction. */
export function rectToRulings(box: BBox, thinMax: number): RulingLine[] {
  const w = box.x1 - box.x0;
  const h = box.bottom - box.top;
  if (w <= thinMax && h <= thinMax) return [];
  if (h <= thinMax) {
    const y = (box.top + box.bottom) / 2;
    return [{ orientation: 'h', x0: box.x0, x1: box.x1, top: y, bottom: y }];
  }
  if (w <= thinMax) {
    const x = (box.x0 + box.x1) / 2;
    return [{ orientation: 'v', x0: x, x1: x, top: box.top, bottom: box.bottom }];
  }
  return [
    { orientation: 'h', x0: box.x0, x1: box.x1, top: box.top, bottom: box.top },
    { orientation: 'h', x0: box.x0, x1: box.x1, top: box.bottom, bottom: box.bottom },
    { orientation: 'v', x0: box.x0, x1: box.x0, top: box.top, bottom: box.bottom },
    { orientation: 'v', x0: box.x1, x1: box.x1, top: box.top, bottom: box.bottom },
  ];
}

/** A segment from (x0,y0) to (x1,y1) as a rule, or null when it is neither horizontal nor vertical. */
export function segmentToRuling(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  slack = 1,
): RulingLine | null {
  if (Math.abs(y1 - y0) <= slack && Math.abs(x1 - x0) > slack) {
    const y = (y0 + y1) / 2;
    return { orientation: 'h', x0: Math.min(x0, x1), x1: Math.max(x0, x1), top: y, bottom: y };
  }
  if (Math.abs(x1 - x0) <= slack && Math.abs(y1 - y0) > slack) {
    const x = (x0 + x1) / 2;
    return { orientation: 'v', x0: x, x1: x, top: Math.min(y0, y1), bottom: Math.max(y0, y1) };
  }
  return null;
}

function snapGroup(edges: readonly RulingLine[], orientation: 'h' | 'v', tolerance: number): RulingLine[] {
  const pos = (e: RulingLine) => (orientation === 'h' ? e.top : e.x0);
  const out: RulingLine[] = [];
  for (const group of clusterObjects(edges, pos, tolerance)) {
    const p = mean(group.map(pos));
    for (const e of group)
      out.push(orientation === 'h' ? { ...e, top: p, bottom: p } : { ...e, x0: p, x1: p });
  }
  return out;
}

/** Moves each edge onto the mean position of its cluster of nearly collinear edges. */
export function snapEdges(
  edges: readonly RulingLine[],
  xTolerance: number,
  yTolerance: number,
): RulingLine[] {
  const h = edges.filter((e) => e.orientation === 'h');
  const v = edges.filter((e) => e.orientation === 'v');
  return [...snapGroup(v, 'v', xTolerance), ...snapGroup(h, 'h', yTolerance)];
}

/** Joins collinear edges (same position) whose extents overlap or are within `tolerance`. */
export function joinEdgeGroup(
  edges: readonly RulingLine[],
  orientation: 'h' | 'v',
  tolerance: number,
): RulingLine[] {
  const start = (e: RulingLine) => (orientation === 'h' ? e.x0 : e.top);
  const end = (e: RulingLine) => (orientation === 'h' ? e.x1 : e.bottom);
  const sorted = [...edges].sort((a, b) => start(a) - start(b));
  const out: RulingLine[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && start(e) <= end(last) + tolerance) {
      if (end(e) > end(last)) {
        out[out.length - 1] = orientation === 'h' ? { ...last, x1: e.x1 } : { ...last, bottom: e.bottom };
      }
    } else {
      out.push({ ...e });
    }
  }
  return out;
}

export interface MergeEdgeOptions {
  snapTolerance: number;
  joinTolerance: number;
  edgeMinLength: number;
}

/** Snap, then join each collinear group, then drop edges shorter than `edgeMinLength`. */
export function mergeEdges(edges: readonly RulingLine[], opts: MergeEdgeOptions): RulingLine[] {
  const snapped =
    opts.snapTolerance > 0 ? snapEdges(edges, opts.snapTolerance, opts.snapTolerance) : [...edges];
  const out: RulingLine[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const pos = (e: RulingLine) => (orientation === 'h' ? e.top : e.x0);
    const mine = snapped.filter((e) => e.orientation === orientation);
    // After snapping, collinear edges share the exact same position.
    const byPos = new Map<number, RulingLine[]>();
    for (const e of mine) {
      const list = byPos.get(pos(e));
      if (list) list.push(e);
      else byPos.set(pos(e), [e]);
    }
    for (const group of byPos.values()) out.push(...joinEdgeGroup(group, orientation, opts.joinTolerance));
  }
  return out.filter((e) => edgeLength(e) >= opts.edgeMinLength);
}

export function edgeLength(e: RulingLine): number {
  return e.orientation === 'h' ? e.x1 - e.x0 : e.bottom - e.top;
}
