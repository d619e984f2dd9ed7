/**
 * Field paths of corrections, relative to a row or a section: `formulasi`, `target.2019`,
 * `sumberData[1]`, `penandatangan[0].nip`. The same syntax as the contract's flag paths.
 */
import { BadInputError } from '../errors.js';

export type PathSegment = string | number;

/** Longest accepted path; a real one is a few segments. */
export const MAX_PATH_LENGTH = 200;

const SEGMENT = /^([^.[\]]+)|^\.([^.[\]]+)|^\[(\d+)\]/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export function parsePath(path: string): PathSegment[] {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) {
    throw new BadInputError(`invalid field path "${path.slice(0, 40)}"`, { stage: 'store' });
  }
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    const first = segments.length === 0;
    if (!m || (first && m[1] === undefined) || (!first && m[1] !== undefined)) {
      throw new BadInputError(`invalid field path "${path}"`, { stage: 'store' });
    }
    const key = m[1] ?? m[2];
    if (key !== undefined) {
      if (FORBIDDEN_KEYS.has(key))
        throw new BadInputError(`invalid field path "${path}"`, { stage: 'store' });
      segments.push(key);
    } else {
      segments.push(Number(m[3]));
    }
    rest = rest.slice(m[0].length);
  }
  return segments;
}

export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The container holding the last segment, or undefined when a step on the way is missing. */
function parentOf(root: unknown, segments: readonly PathSegment[]): unknown {
  let cur = root;
  for (const seg of segments.slice(0, -1)) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || seg >= cur.length) return undefined;
      cur = cur[seg];
    } else {
      if (!isRecord(cur) || !Object.hasOwn(cur, seg)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

export type Lookup = { ok: true; value: unknown } | { ok: false };

/**
 * The value at a path. A missing key of an existing object reads as null (a target year with no
 * value); a missing parent or an index past the end is `{ ok: false }`.
 */
export function getAt(root: unknown, segments: readonly PathSegment[]): Lookup {
  const parent = parentOf(root, segments);
  const last = segments[segments.length - 1];
  if (last === undefined) return { ok: false };
  if (typeof last === 'number') {
    if (!Array.isArray(parent) || last >= parent.length) return { ok: false };
    return { ok: true, value: parent[last] };
  }
  if (!isRecord(parent)) return { ok: false };
  return { ok: true, value: Object.hasOwn(parent, last) ? parent[last] : null };
}

/** A deep copy of root with the value at path replaced; undefined when the path does not fit. */
export function setAt<T>(root: T, segments: readonly PathSegment[], value: unknown): T | undefined {
  if (!getAt(root, segments).ok) return undefined;
  const copy = structuredClone(root);
  const parent = parentOf(copy, segments) as Record<string, unknown> | unknown[];
  const last = segments[segments.length - 1] as PathSegment;
  (parent as Record<string | number, unknown>)[last] = structuredClone(value);
  return copy;
}

/** JSON equality ignoring key order (jsonb reorders keys); null and undefined are equal. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameJson(a[k], b[k])) return false;
    return true;
  }
  return false;
}
