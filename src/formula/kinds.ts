/**
 * What a formula is when it divides nothing: arithmetic (sum), a value read from an assessment
 * (score), a plain count, or text. Each test reads the formula's tokens only.
 */
import {
  ARITHMETIC_SYMBOLS,
  ARITHMETIC_WORDS,
  ASSESSMENT_WORDS,
  COUNT_HEADS,
  MULTIPLY_WORDS,
  PERIOD_PREFIX,
  PERIOD_WORDS,
  RESULT_WORD,
  SCORE_HEADS,
  SCORE_QUALIFIERS,
  SURVEY_SUBJECTS,
  SURVEY_WORDS,
} from './vocabulary.js';
import type { Span, Token, TokenList } from './tokens.js';

const OPERAND_BEFORE = new Set(['word', 'number', 'close', 'percent', 'placeholder']);
const OPERAND_AFTER = new Set(['word', 'number', 'open', 'placeholder']);

function isPeriod(t: Token | undefined): boolean {
  return t?.kind === 'word' && (PERIOD_WORDS.has(t.lower) || t.lower.startsWith(PERIOD_PREFIX));
}

/** "4 x setahun", "12 x dalam setahun", "1 x 24 jam": how often, not a product. */
function isFrequency(list: TokenList, i: number): boolean {
  const before = list.tokens[i - 1];
  const after = list.tokens[i + 1];
  if (before?.kind !== 'number' || after === undefined) return false;
  return isPeriod(after) || (after.kind === 'number' && isPeriod(list.tokens[i + 2]));
}

/** A hyphen is a minus only when spaced ("a - b") and not a range between numbers ("skala 1 - 4"). */
function isMinus(list: TokenList, i: number): boolean {
  const t = list.tokens[i];
  if (t === undefined || !t.spaceBefore || !t.spaceAfter) return false;
  return !(list.tokens[i - 1]?.kind === 'number' && list.tokens[i + 1]?.kind === 'number');
}

function isArithmeticOperator(list: TokenList, i: number): boolean {
  const t = list.tokens[i];
  if (t === undefined) return false;
  const hasOperands =
    OPERAND_BEFORE.has(list.tokens[i - 1]?.kind ?? '') && OPERAND_AFTER.has(list.tokens[i + 1]?.kind ?? '');
  if (!hasOperands) return false;
  if (t.kind === 'op') return ARITHMETIC_SYMBOLS.has(t.text) && (t.text !== '-' || isMinus(list, i));
  if (t.kind !== 'word') return false;
  if (ARITHMETIC_WORDS.has(t.lower)) return true;
  // A lone "x" between operands is a product, unless it counts how often ("4 x setahun").
  return MULTIPLY_WORDS.has(t.lower) && t.lower.length === 1 && !isFrequency(list, i);
}

/** Any arithmetic operator other than a division: "Jumlah Pegawai x (Σ hari kerja - Σ hari libur)". */
export function hasArithmetic(list: TokenList, s: Span): boolean {
  for (let i = s.from; i < s.to; i++) {
    if (isArithmeticOperator(list, i)) return true;
  }
  return false;
}

/** The first word of the span after any score qualifiers ("Rata-rata", "Capaian"). */
function firstWordAfterQualifiers(list: TokenList, s: Span): number {
  let i = s.from;
  while (i < s.to && list.tokens[i]?.kind === 'word' && SCORE_QUALIFIERS.has(list.tokens[i]?.lower ?? ''))
    i++;
  return i;
}

/** "Nilai SKM …", "Indeks Kepuasan …", "Hasil Survey …", "Survei Kepuasan …", "Rata-rata nilai SKP". */
export function isScore(list: TokenList, s: Span): boolean {
  const i = firstWordAfterQualifiers(list, s);
  const head = i < s.to ? list.tokens[i] : undefined;
  const next = i + 1 < s.to ? list.tokens[i + 1] : undefined;
  if (head?.kind !== 'word') return false;
  if (SCORE_HEADS.has(head.lower)) return true;
  if (head.lower === RESULT_WORD) return next !== undefined && ASSESSMENT_WORDS.has(next.lower);
  return SURVEY_WORDS.has(head.lower) && next !== undefined && SURVEY_SUBJECTS.has(next.lower);
}

/** "Jumlah …", "Banyaknya …", "Σ …". */
export function isCount(list: TokenList, s: Span): boolean {
  const head = s.from < s.to ? list.tokens[s.from] : undefined;
  return head?.kind === 'word' && COUNT_HEADS.has(head.lower);
}
