/**
 * Field paths as the API writes them (`formulasi`, `target.2019`, `penandatangan[0].nip`):
 * reading and immutably replacing the value at a path, the same rules as the store's
 * field-path.ts (a missing key of an existing object reads as null).
 */

export type Segment = string | number;

const SEGMENT = /^([^.[\]]+)|^\.([^.[\]]+)|^\[(\d+)\]/;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  let rest = path;
  while (rest) {
    const m = SEGMENT.exec(rest);
    if (!m) throw new Error(`bad path ${path}`);
    const key = m[1] ?? m[2];
    out.push(key !== undefined ? key : Number(m[3]));
    rest = rest.slice(m[0].length);
  }
  return out;
}

export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const seg of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur === undefined ? null : cur;
}

/** A copy of root with the value at path replaced (containers on the way are copied, the rest shared). */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const segs = parsePath(path);
  const step = (node: unknown, i: number): unknown => {
    const seg = segs[i] as Segment;
    const container = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<
      string | number,
      unknown
    >;
    container[seg] = i === segs.length - 1 ? value : step(container[seg], i + 1);
    return container;
  };
  return step(root, 0) as T;
}

/** JSON equality ignoring key order; null and undefined are equal. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    for (const k of keys) if (!sameJson(ra[k], rb[k])) return false;
    return true;
  }
  return false;
}
