/**
 * A small tokenizer for formula text. Tokens keep their offsets so that operands can be cut out of
 * the text exactly as printed, and their spacing, which tells "A / B" (a division) from "RT/RW"
 * (alternatives). Parentheses are matched once, up front, so that every later scan is linear.
 */

export type TokenKind =
  | 'word' // letters and digits, with inner hyphens, dots and apostrophes ("e-KTP", "Rapat-rapat")
  | 'number' // "100", "1.000", "2,5"
  | 'slash'
  | 'open'
  | 'close'
  | 'percent'
  | 'op' // + - − × * ÷ = · and the like
  | 'punct' // everything else: , . ; : " & …
  | 'placeholder'; // stands for a LaTeX fraction cut out before tokenizing

export interface Token {
  readonly text: string;
  /** Lower-cased text, for vocabulary look-ups. */
  readonly lower: string;
  readonly kind: TokenKind;
  /** Offsets into the tokenized string: text.slice(start, end) === token.text. */
  readonly start: number;
  readonly end: number;
  /** Whitespace (or the start of the text) before this token. */
  readonly spaceBefore: boolean;
  /** Whitespace (or the end of the text) after this token. */
  spaceAfter: boolean;
}

/** A half-open range [from, to) of token indices. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface TokenList {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** For each open/close token, the index of its partner; -1 for unmatched ones and other tokens. */
  readonly partner: Int32Array;
  /** contentBefore[i]: how many content tokens (words, numbers, fractions) precede token i. */
  readonly contentBefore: Int32Array;
}

/** Stands for a LaTeX \frac cut out of the text; a Unicode private-use character. */
export const PLACEHOLDER = '\uE000';

/**
 * One pass over the text, one alternative per token class: whitespace; a number with group or decimal
 * separators ("1.000", "2,5", tried before words so "2,5" stays one token); a word, letters and
 * digits with single inner joiners (the joiners are outside the letter class: no backtracking);
 * any other single character.
 */
const TOKEN = /(\s+)|(\d+(?:[.,]\d+)+|[\p{L}\p{N}\p{M}∑]+(?:['’.-][\p{L}\p{N}\p{M}∑]+)*)|([\s\S])/gu;
/** "x100" printed without a space is a multiplier and its number. */
const GLUED_MULTIPLIER = /^([xX])(\d+(?:[.,]\d+)*)$/;
const NUMERIC = /^\d+(?:[.,]\d+)*$/;

const SYMBOL_KINDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['/', 'slash'],
  ['∕', 'slash'],
  ['⁄', 'slash'],
  ['(', 'open'],
  ['[', 'open'],
  ['{', 'open'],
  [')', 'close'],
  [']', 'close'],
  ['}', 'close'],
  ['%', 'percent'],
  ['+', 'op'],
  ['-', 'op'],
  ['−', 'op'],
  ['×', 'op'],
  ['*', 'op'],
  ['÷', 'op'],
  ['∶', 'op'],
  ['=', 'op'],
  ['·', 'op'],
  ['∙', 'op'],
  [PLACEHOLDER, 'placeholder'],
]);

/** Appends a token; `spaceBefore` is whether whitespace (or the start of the text) precedes it. */
function pushToken(tokens: Token[], t: string, kind: TokenKind, start: number, spaceBefore: boolean): void {
  tokens.push({
    text: t,
    lower: t.toLowerCase(),
    kind,
    start,
    end: start + t.length,
    spaceBefore,
    spaceAfter: false,
  });
}

export function tokenize(text: string): TokenList {
  const tokens: Token[] = [];
  let spaceBefore = true;
  for (const m of text.matchAll(TOKEN)) {
    const [whole, space, word] = m;
    if (space !== undefined) {
      const last = tokens[tokens.length - 1];
      if (last !== undefined) last.spaceAfter = true;
      spaceBefore = true;
      continue;
    }
    if (word !== undefined) {
      const glued = GLUED_MULTIPLIER.exec(word);
      if (glued !== null && glued[1] !== undefined && glued[2] !== undefined) {
        pushToken(tokens, glued[1], 'word', m.index, spaceBefore);
        pushToken(tokens, glued[2], 'number', m.index + 1, false);
      } else {
        pushToken(tokens, word, NUMERIC.test(word) ? 'number' : 'word', m.index, spaceBefore);
      }
    } else {
      pushToken(tokens, whole, SYMBOL_KINDS.get(whole) ?? 'punct', m.index, spaceBefore);
    }
    spaceBefore = false;
  }
  const last = tokens[tokens.length - 1];
  if (last !== undefined) last.spaceAfter = true;
  return { text, tokens, partner: matchParentheses(tokens), contentBefore: countContent(tokens) };
}

const isContent = (t: Token): boolean => t.kind === 'word' || t.kind === 'number' || t.kind === 'placeholder';

function countContent(tokens: readonly Token[]): Int32Array {
  const counts = new Int32Array(tokens.length + 1);
  tokens.forEach((t, i) => {
    counts[i + 1] = (counts[i] ?? 0) + (isContent(t) ? 1 : 0);
  });
  return counts;
}

/** Pairs each bracket with its partner (any bracket type closes any other: print is sloppy). */
function matchParentheses(tokens: readonly Token[]): Int32Array {
  const partner = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'open') stack.push(i);
    else if (t.kind === 'close') {
      const open = stack.pop();
      if (open !== undefined) {
        partner[open] = i;
        partner[i] = open;
      }
    }
  });
  return partner;
}

export const span = (from: number, to: number): Span => ({ from, to });

export function isEmpty(s: Span): boolean {
  return s.to <= s.from;
}

/**
 * Indices of the tokens of `s` that are not inside a bracket pair opened within `s`; a balanced
 * group is skipped in one step, so the scan stays linear. Unmatched brackets count as top level.
 */
export function topLevel(list: TokenList, s: Span): number[] {
  const out: number[] = [];
  let i = s.from;
  while (i < s.to) {
    out.push(i);
    const p = list.partner[i] ?? -1;
    i = list.tokens[i]?.kind === 'open' && p > i && p < s.to ? p + 1 : i + 1;
  }
  return out;
}

/** How many words, numbers and fractions the span holds (constant time). */
export function contentCount(list: TokenList, s: Span): number {
  if (isEmpty(s)) return 0;
  const n = list.tokens.length;
  const from = Math.max(0, Math.min(n, s.from));
  const to = Math.max(0, Math.min(n, s.to));
  return (list.contentBefore[to] ?? 0) - (list.contentBefore[from] ?? 0);
}

/** True when the span holds something to compute with: a word, a number or a fraction. */
export function hasContent(list: TokenList, s: Span): boolean {
  return contentCount(list, s) > 0;
}

/** Punctuation that may end (or start) a quantity without being part of it. */
const TRIMMABLE = new Set([',', '.', ';', ':', '"', '“', '”', "'", '-', '–', '—', '=']);

/** Longest run of wrapping parentheses unwrapped by trim; deeper is not a formula anyone printed. */
const MAX_UNWRAP = 64;

/**
 * Removes leading/trailing punctuation and parentheses that wrap the whole span:
 * "(Jumlah A / Jumlah B)" → "Jumlah A / Jumlah B"; "yang ada." → "yang ada".
 */
export function trimSpan(list: TokenList, s: Span): Span {
  let { from, to } = s;
  for (let round = 0; round < MAX_UNWRAP; round++) {
    while (from < to && TRIMMABLE.has(list.tokens[from]?.text ?? '')) from++;
    while (to > from && TRIMMABLE.has(list.tokens[to - 1]?.text ?? '')) to--;
    const first = list.tokens[from];
    if (to - from >= 2 && first?.kind === 'open' && list.partner[from] === to - 1) {
      from++;
      to--;
      continue;
    }
    break;
  }
  return { from, to };
}

/** The printed text of a span (offsets into the tokenized string). */
export function spanText(list: TokenList, s: Span): string {
  const first = list.tokens[s.from];
  const last = list.tokens[s.to - 1];
  if (isEmpty(s) || first === undefined || last === undefined) return '';
  return list.text.slice(first.start, last.end);
}
