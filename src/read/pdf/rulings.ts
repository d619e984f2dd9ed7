/**
 * pdfjs operator list → ruling lines. Table borders are drawn either as stroked segments or as
 * thin filled rectangles (Chromium, Word's PDF export); both become horizontal or vertical
 * rules. The current transform is tracked through save/restore/transform and form XObjects,
 * since pdfjs leaves path coordinates in the user space of the moment they were drawn.
 */
import { OPS } from './pdfjs.js';
import type { RulingLine } from '../../ir/document.js';
import type { BBox } from '../../ir/geometry.js';
import { rectToRulings, segmentToRuling } from '../../geometry/edges.js';
import type { Matrix } from './matrix.js';
import { apply, compose } from './matrix.js';

/** pdfjs DrawOPS codes inside a constructPath buffer (pdfjs-dist 5). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** A segment whose ends differ by at most this much across its direction is axis-aligned (points). */
export const AXIS_SLACK = 1;

/** Colour channels at or above this (0–255) on every channel count as white: invisible on paper. */
export const WHITE_CHANNEL_MIN = 0xf0;

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
const BOTH_OPS = new Set<number>([
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

interface GState {
  ctm: Matrix;
  fill: string;
  stroke: string;
}

export function isWhite(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  return [m[1], m[2], m[3]].every((c) => parseInt(c!, 16) >= WHITE_CHANNEL_MIN);
}

type Pt = [number, number];

/** Subpaths of a constructPath buffer as point lists (curves reduced to their end points, flagged). */
function subpaths(buffer: ArrayLike<number>): { pts: Pt[]; closed: boolean; curved: boolean }[] {
  const out: { pts: Pt[]; closed: boolean; curved: boolean }[] = [];
  let cur: { pts: Pt[]; closed: boolean; curved: boolean } | null = null;
  for (let k = 0; k < buffer.length;) {
    const op = buffer[k++];
    if (op === DRAW.moveTo) {
      cur = { pts: [[buffer[k]!, buffer[k + 1]!]], closed: false, curved: false };
      out.push(cur);
      k += 2;
    } else if (op === DRAW.lineTo) {
      if (!cur) out.push((cur = { pts: [], closed: false, curved: false }));
      cur.pts.push([buffer[k]!, buffer[k + 1]!]);
      k += 2;
    } else if (op === DRAW.curveTo) {
      if (cur) {
        cur.pts.push([buffer[k + 4]!, buffer[k + 5]!]);
        cur.curved = true;
      }
      k += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      if (cur) {
        cur.pts.push([buffer[k + 2]!, buffer[k + 3]!]);
        cur.curved = true;
      }
      k += 4;
    } else if (op === DRAW.closePath) {
      if (cur) cur.closed = true;
      cur = cur ? { pts: [cur.pts[0]!], closed: false, curved: false } : null;
      if (cur) out.push(cur);
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return out.filter((s) => s.pts.length > 1);
}

/** The box of an axis-aligned rectangle path, or null when the path is anything else. */
function rectOf(pts: readonly Pt[]): BBox | null {
  const p = pts.length === 5 && near(pts[0]!, pts[4]!) ? pts.slice(0, 4) : pts;
  if (p.length !== 4) return null;
  for (let i = 0; i < 4; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % 4]!;
    if (Math.abs(a[0] - b[0]) > AXIS_SLACK && Math.abs(a[1] - b[1]) > AXIS_SLACK) return null;
  }
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  return { x0: Math.min(...xs), top: Math.min(...ys), x1: Math.max(...xs), bottom: Math.max(...ys) };
}

function near(a: Pt, b: Pt): boolean {
  return Math.abs(a[0] - b[0]) <= AXIS_SLACK && Math.abs(a[1] - b[1]) <= AXIS_SLACK;
}

/**
 * Rules drawn on a page. `toPage` maps PDF user space to upright top-left page points;
 * `thinRectMax` is the thickness under which a filled rectangle is a rule.
 */
export function operatorListToRulings(ops: OperatorList, toPage: Matrix, thinRectMax: number): RulingLine[] {
  const out: RulingLine[] = [];
  const stack: GState[] = [];
  let gs: GState = { ctm: toPage, fill: '#000000', stroke: '#000000' };
  const n = Math.min(ops.fnArray.length, ops.argsArray.length);
  for (let i = 0; i < n; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(gs);
        gs = { ...gs };
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        if (args && args.length >= 6) gs.ctm = compose(gs.ctm, args.slice(0, 6) as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(gs);
        gs = { ...gs };
        const m = args?.[0] as number[] | null | undefined;
        if (m && m.length >= 6) gs.ctm = compose(gs.ctm, Array.from(m).slice(0, 6) as unknown as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setFillRGBColor:
        if (typeof args?.[0] === 'string') gs.fill = args[0];
        break;
      case OPS.setStrokeRGBColor:
        if (typeof args?.[0] === 'string') gs.stroke = args[0];
        break;
      case OPS.constructPath: {
        const paint = args?.[0] as number;
        const buffer = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
        if (!buffer) break;
        const stroke = (STROKE_OPS.has(paint) || BOTH_OPS.has(paint)) && !isWhite(gs.stroke);
        const fill = (FILL_OPS.has(paint) || BOTH_OPS.has(paint)) && !isWhite(gs.fill);
        if (!stroke && !fill) break;
        for (const sp of subpaths(buffer)) {
          const pts = sp.pts.map((p) => apply(gs.ctm, p[0], p[1]));
          if (fill && !sp.curved) {
            const box = rectOf(pts);
            if (box) out.push(...rectToRulings(box, thinRectMax));
          }
          // A curved outline (rounded box, circle) is not a table rule.
          if (stroke && !sp.curved) {
            const ring = sp.closed ? [...pts, pts[0]!] : pts;
            for (let k = 1; k < ring.length; k++) {
              const r = segmentToRuling(
                ring[k - 1]![0],
                ring[k - 1]![1],
                ring[k]![0],
                ring[k]![1],
                AXIS_SLACK,
              );
              if (r) out.push(r);
            }
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}
