/**
 * One-dimensional clustering: values closer than a tolerance to their neighbour belong together
 * (chained, as pdfplumber's `cluster_list`), so snapping and column finding share one rule.
 */

/** Groups of values, each sorted ascending; a value joins a group when it is within `tolerance` of the previous one. */
export function clusterValues(values: readonly number[], tolerance: number): number[][] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const groups: number[][] = [];
  let current: number[] = [];
  let last = -Infinity;
  for (const v of sorted) {
    if (current.length > 0 && v - last > tolerance) {
      groups.push(current);
      current = [];
    }
    current.push(v);
    last = v;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** For each item, the index of its cluster (clusters numbered in ascending key order). */
export function clusterIndex<T>(items: readonly T[], key: (item: T) => number, tolerance: number): number[] {
  const order = items.map((item, i) => ({ i, v: key(item) })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(items.length).fill(0);
  let cluster = -1;
  let last = -Infinity;
  for (const { i, v } of order) {
    if (cluster < 0 || !(v - last <= tolerance)) cluster++;
    out[i] = cluster;
    last = v;
  }
  return out;
}

/** Items grouped by cluster of `key`, groups in ascending key order, items keeping input order. */
export function clusterObjects<T>(items: readonly T[], key: (item: T) => number, tolerance: number): T[][] {
  const idx = clusterIndex(items, key, tolerance);
  const groups: T[][] = [];
  items.forEach((item, i) => {
    const c = idx[i]!;
    (groups[c] ??= []).push(item);
  });
  return groups.filter((g) => g !== undefined);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
