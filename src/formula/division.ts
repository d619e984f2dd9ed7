/**
 * Finds the division of a ratio formula and cuts it into numerator and denominator, in printed order.
 * Candidates, strongest first (the first one found of the strongest kind wins):
 *   1. a division word or sign: "A dibagi (dengan) B", "A dibanding(kan) (dengan) B", "A ÷ B";
 *   2. a comparison: "Membandingkan A dan B", "Perbandingan antara A dengan B", "Rasio A terhadap B";
 *   3. a slash that divides (see isDividingSlash) rather than joins alternatives ("RT/RW");
 *   4. a spaced colon, the school sign of division, between two quantities ("(A : B) x 100%");
 *   5. "A per B".
 * Only tokens outside brackets count: "Jumlah A / (B + C)" divides at the top level.
 */
import {
  COMPARISON_AND,
  COMPARISON_CONNECTORS,
  COMPARISON_LEADS,
  COMPARISON_WORDS,
  DIVISION_CONNECTORS,
  DIVISION_SYMBOLS,
  DIVISION_WORDS,
  FUNCTION_WORDS,
  MONTH_WORDS,
  PER_WORD,
  QUANTITY_HEADS,
} from './vocabulary.js';
import {
  contentCount,
  hasContent,
  topLevel,
  trimSpan,
  type Span,
  type Token,
  type TokenList,
} from './tokens.js';

export interface Division {
  readonly numerator: Span;
  readonly denominator: Span;
}

export interface DivisionContext {
  /** The formula is multiplied by a scale ("x 100 %"): a lone slash in it is surely a division. */
  readonly scaled: boolean;
}

/** Fewest words on each side of a spaced slash for it to divide two quantities ("RT / RW" has one). */
export const MIN_SPACED_OPERAND_WORDS = 2;

/** Longest acronym of an "RT/RW"-like pair of alternatives. */
const MAX_ACRONYM_LENGTH = 5;

const ACRONYM = new RegExp(`^[A-Z]{2,${MAX_ACRONYM_LENGTH}}$`);
/** A verb with a passive or active prefix ("disediakan", "terlaksana", "melapor"): not a quantity. */
const VERB = /^(?:di|ter|ber|me)\p{L}{3,}$/iu;

/** Trimming only drops punctuation and brackets, so content is checked (in constant time) before it. */
function cut(list: TokenList, left: Span, right: Span): Division | null {
  if (!hasContent(list, left) || !hasContent(list, right)) return null;
  return { numerator: trimSpan(list, left), denominator: trimSpan(list, right) };
}

const isWord = (t: Token | undefined, vocabulary: ReadonlySet<string>): boolean =>
  t?.kind === 'word' && vocabulary.has(t.lower);

/** 1. "A dibagi (dengan) B", "A dibandingkan dengan B", "A ÷ B". */
function byOperator(list: TokenList, s: Span, top: readonly number[]): Division | null {
  for (const i of top) {
    const t = list.tokens[i];
    const isOperator = isWord(t, DIVISION_WORDS) || (t?.kind === 'op' && DIVISION_SYMBOLS.has(t.text));
    if (!isOperator) continue;
    let right = i + 1;
    if (isWord(list.tokens[right], DIVISION_CONNECTORS) && hasContent(list, { from: right + 1, to: s.to }))
      right++;
    const found = cut(list, { from: s.from, to: i }, { from: right, to: s.to });
    if (found !== null) return found;
  }
  return null;
}

/** 2. "Membandingkan A dan B": A runs from after the (first) comparison word to the connector. */
function byComparison(list: TokenList, s: Span, top: readonly number[]): Division | null {
  const k = top.findIndex((i) => isWord(list.tokens[i], COMPARISON_WORDS));
  const i = top[k];
  if (i === undefined) return null;
  let from = i + 1;
  if (isWord(list.tokens[from], COMPARISON_LEADS)) from++;
  const connector = pickConnector(
    list,
    top.slice(k + 1).filter((j) => j >= from),
  );
  return connector === null ? null : cut(list, { from, to: connector }, { from: connector + 1, to: s.to });
}

/**
 * The connector between the two operands of a comparison: one followed by a quantity word
 * ("… dan jumlah …"), else "terhadap"/"dengan", else the last "dan" ("sarana dan prasarana" tends
 * to sit inside the first operand).
 */
function pickConnector(list: TokenList, candidates: readonly number[]): number | null {
  const connectors = new Set<string>([...COMPARISON_CONNECTORS, COMPARISON_AND]);
  const beforeQuantity = candidates.find(
    (j) => isWord(list.tokens[j], connectors) && isWord(list.tokens[j + 1], QUANTITY_HEADS),
  );
  if (beforeQuantity !== undefined) return beforeQuantity;
  for (const word of COMPARISON_CONNECTORS) {
    const j = candidates.find((c) => list.tokens[c]?.lower === word);
    if (j !== undefined) return j;
  }
  const ands = candidates.filter((c) => list.tokens[c]?.lower === COMPARISON_AND);
  return ands.length > 0 ? (ands[ands.length - 1] ?? null) : null;
}

/** Do both sides name the same thing ("kasus yang diselesaikan / kasus yang masuk")? */
function shareAWord(list: TokenList, left: Span, right: Span): boolean {
  const seen = new Set<string>();
  for (let i = left.from; i < left.to; i++) {
    const t = list.tokens[i];
    if (t?.kind === 'word' && !FUNCTION_WORDS.has(t.lower)) seen.add(t.lower);
  }
  for (let i = right.from; i < right.to; i++) {
    const t = list.tokens[i];
    if (t?.kind === 'word' && seen.has(t.lower)) return true;
  }
  return false;
}

/** "RT/RW", "SPP/SPM" (two acronyms) or "disediakan/dibeli", "terlaksana/ diikuti" (two verbs). */
function looksLikeAlternatives(before: Token | undefined, after: Token | undefined): boolean {
  if (before?.kind !== 'word' || after?.kind !== 'word') return false;
  if (ACRONYM.test(before.text) && ACRONYM.test(after.text)) return true;
  return VERB.test(before.text) && VERB.test(after.text);
}

/**
 * A slash divides when the word after it opens a new quantity ("…/Jumlah …", "… / Target …");
 * or when it is spaced on both sides, with at least two words on each side that name the same thing
 * ("Realisasi anggaran / Pagu anggaran", but not "koran / surat kabar"); or when it is the only
 * slash of a scaled formula ("(A/B) x 100%"). Never when the words around it look like
 * alternatives ("RT/RW", "disediakan/dibeli").
 */
function isDividingSlash(
  list: TokenList,
  slash: number,
  segment: Span,
  slashCount: number,
  ctx: DivisionContext,
): boolean {
  const before = list.tokens[slash - 1];
  const after = list.tokens[slash + 1];
  const t = list.tokens[slash];
  if (t === undefined || !hasContent(list, { from: segment.from, to: slash })) return false;
  if (!hasContent(list, { from: slash + 1, to: segment.to })) return false;
  if (isWord(after, QUANTITY_HEADS)) return true;
  if (looksLikeAlternatives(before, after)) return false;
  const left: Span = { from: segment.from, to: slash };
  const right: Span = { from: slash + 1, to: segment.to };
  const spaced = t.spaceBefore && t.spaceAfter;
  const long =
    contentCount(list, left) >= MIN_SPACED_OPERAND_WORDS &&
    contentCount(list, right) >= MIN_SPACED_OPERAND_WORDS;
  if (spaced && long && shareAWord(list, left, right)) return true;
  return ctx.scaled && slashCount === 1;
}

/** 3. The first dividing slash; each slash is judged on the words up to its neighbouring slashes. */
function bySlash(list: TokenList, s: Span, top: readonly number[], ctx: DivisionContext): Division | null {
  const slashes = top.filter((i) => list.tokens[i]?.kind === 'slash');
  for (let k = 0; k < slashes.length; k++) {
    const i = slashes[k] ?? s.from;
    const segment: Span = { from: (slashes[k - 1] ?? s.from - 1) + 1, to: slashes[k + 1] ?? s.to };
    if (!isDividingSlash(list, i, segment, slashes.length, ctx)) continue;
    const found = cut(list, { from: s.from, to: i }, { from: i + 1, to: s.to });
    if (found !== null) return found;
  }
  return null;
}

/**
 * 4. "(Jumlah dokumen tepat waktu : jumlah dokumen) x 100%": one colon, spaced on both sides, with
 * at least two words on each side, judged as a lone slash is (a quantity after it, or a scaled
 * formula). A label's colon ("Rumus : …") was cut off before; a glued one ("Keterangan:") is no sign.
 */
function byColon(list: TokenList, s: Span, top: readonly number[], ctx: DivisionContext): Division | null {
  const colons = top.filter((i) => list.tokens[i]?.text === ':');
  if (colons.length !== 1) return null;
  const i = colons[0]!;
  const t = list.tokens[i]!;
  if (!t.spaceBefore || !t.spaceAfter) return null;
  const left: Span = { from: s.from, to: i };
  const right: Span = { from: i + 1, to: s.to };
  if (
    contentCount(list, left) < MIN_SPACED_OPERAND_WORDS ||
    contentCount(list, right) < MIN_SPACED_OPERAND_WORDS
  )
    return null;
  if (!isDividingSlash(list, i, s, 1, ctx)) return null;
  return cut(list, left, right);
}

/** "per 31 Desember" is a date ("as of"), not a division. */
function isDate(list: TokenList, i: number): boolean {
  return list.tokens[i]?.kind === 'number' && isWord(list.tokens[i + 1], MONTH_WORDS);
}

/** 4. "Jumlah kunjungan per hari". */
function byPer(list: TokenList, s: Span, top: readonly number[]): Division | null {
  for (const i of top) {
    if (list.tokens[i]?.kind !== 'word' || list.tokens[i]?.lower !== PER_WORD || isDate(list, i + 1))
      continue;
    const found = cut(list, { from: s.from, to: i }, { from: i + 1, to: s.to });
    if (found !== null) return found;
  }
  return null;
}

export function findDivision(list: TokenList, s: Span, ctx: DivisionContext): Division | null {
  const top = topLevel(list, s);
  return (
    byOperator(list, s, top) ??
    byComparison(list, s, top) ??
    bySlash(list, s, top, ctx) ??
    byColon(list, s, top, ctx) ??
    byPer(list, s, top)
  );
}
