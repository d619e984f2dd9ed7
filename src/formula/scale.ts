/**
 * The scale of a ratio: "… dikali 100", "… X 100 %", "… x100%", "… × 100%", "… (x 100%)", in
 * front ("100% x (A / B)"), or followed by a note ("… x 100% per triwulan"). The scale is a
 * multiplier by a power of ten; other products are arithmetic.
 */
import { MULTIPLY_SYMBOLS, MULTIPLY_WORDS, PERCENT_WORDS, SCALE_CONNECTORS } from './vocabulary.js';
import { hasContent, type Span, type Token, type TokenList } from './tokens.js';

/** "dalam persen": the word that introduces a unit printed after the formula. */
const UNIT_INTRODUCER = 'dalam';

export interface ScaleMatch {
  /** The formula without its scale. */
  readonly rest: Span;
  readonly scale: number;
}

/**
 * A scale is a power of ten from 10 up (× 100 for a percentage, × 1.000 per mille, × 100.000 per
 * 100,000 inhabitants); "1 x 24 jam" or "4 x setahun" are not scales.
 */
const SCALE_PATTERN = /^10+$/;

/** "100" → 100; "1.000" (Indonesian thousands) → 1000; null when not a power of ten from 10 up. */
export function parseScaleNumber(text: string): number | null {
  const digits = /^\d{1,3}(?:\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text;
  return SCALE_PATTERN.test(digits) ? Number(digits) : null;
}

function isMultiplier(t: Token | undefined): boolean {
  if (t === undefined) return false;
  return t.kind === 'word' ? MULTIPLY_WORDS.has(t.lower) : MULTIPLY_SYMBOLS.has(t.text);
}

/**
 * The token at `i` when it lies in [from, to), else undefined. A plain function rather than a
 * closure per call: the tsx runtime names every closure it creates, which costs more than the scan.
 */
function tokenIn(list: TokenList, from: number, to: number, i: number): Token | undefined {
  return i >= from && i < to ? list.tokens[i] : undefined;
}

function isPercent(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'percent' || (t.kind === 'word' && PERCENT_WORDS.has(t.lower)));
}

/** A scale at the end: multiplier, optional "dengan", number, optional "%"/"persen". */
function suffixScale(list: TokenList, s: Span): ScaleMatch | null {
  const n = list.tokens.length;
  let i = s.to - 1;
  if (isPercent(tokenIn(list, s.from, n, i))) i--;
  const num = tokenIn(list, s.from, n, i);
  if (num?.kind !== 'number') return null;
  const scale = parseScaleNumber(num.text);
  i--;
  const connector = tokenIn(list, s.from, n, i);
  if (connector?.kind === 'word' && SCALE_CONNECTORS.has(connector.lower)) i--;
  if (scale === null || !isMultiplier(tokenIn(list, s.from, n, i))) return null;
  const rest: Span = { from: s.from, to: i };
  return hasContent(list, rest) ? { rest, scale } : null;
}

/** A scale in front: number, optional "%", multiplier ("100% x …"). */
function prefixScale(list: TokenList, s: Span): ScaleMatch | null {
  let i = s.from;
  const num = tokenIn(list, -Infinity, s.to, i);
  if (num?.kind !== 'number') return null;
  const scale = parseScaleNumber(num.text);
  i++;
  if (isPercent(tokenIn(list, -Infinity, s.to, i))) i++;
  if (scale === null || !isMultiplier(tokenIn(list, -Infinity, s.to, i))) return null;
  const rest: Span = { from: i + 1, to: s.to };
  return hasContent(list, rest) ? { rest, scale } : null;
}

/** A scale in brackets at the end: "A / B (x 100%)". */
function bracketedScale(list: TokenList, s: Span): ScaleMatch | null {
  const close = s.to - 1;
  const open = list.partner[close] ?? -1;
  if (list.tokens[close]?.kind !== 'close' || open <= s.from) return null;
  const inside = suffixScale(list, { from: s.from, to: close });
  // The multiplier must open the bracket: "(x 100%)", not "(A x 100%)".
  return inside !== null && inside.rest.to === open + 1
    ? { rest: { from: s.from, to: open }, scale: inside.scale }
    : null;
}

/**
 * A scale followed by a note: "A / B x 100% sesuai laporan bulanan". The last multiplier by a
 * power of ten counts; the note after it is no part of either quantity.
 */
function scaleBeforeNote(list: TokenList, s: Span): ScaleMatch | null {
  for (let i = s.to - 2; i > s.from; i--) {
    const t = list.tokens[i];
    if (t?.kind !== 'number' || !isMultiplier(list.tokens[i - 1])) continue;
    const scale = parseScaleNumber(t.text);
    const rest: Span = { from: s.from, to: i - 1 };
    if (scale !== null && hasContent(list, rest)) return { rest, scale };
  }
  return null;
}

export function findScale(list: TokenList, s: Span): ScaleMatch | null {
  return suffixScale(list, s) ?? bracketedScale(list, s) ?? prefixScale(list, s) ?? scaleBeforeNote(list, s);
}

/**
 * Drops a unit printed after the formula without a multiplier: "A / B (%)", "A / B dalam persen".
 * A percent after a number ("80%") is a value, not a unit marker, and stays.
 */
export function stripUnitMarker(list: TokenList, s: Span): Span {
  const { from, to } = s;
  let end = to;
  const wrapped =
    tokenIn(list, from, to, end - 1)?.kind === 'close' && tokenIn(list, from, to, end - 3)?.kind === 'open';
  if (wrapped && isPercent(tokenIn(list, from, to, end - 2))) end -= 3;
  else if (isPercent(tokenIn(list, from, to, end - 1)) && tokenIn(list, from, to, end - 2)?.kind !== 'number')
    end -= 1;
  else return s;
  if (tokenIn(list, from, to, end - 1)?.lower === UNIT_INTRODUCER) end -= 1;
  const rest: Span = { from: s.from, to: end };
  return hasContent(list, rest) ? rest : s;
}
