/**
 * Narrows a formula cell to the formula itself: drops a label ("Rumus : …"), the name being defined
 * ("Persentase kehadiran = A / B x 100%") and an explanation of its symbols after it
 * ("… x 100%, dimana A = jumlah …" or "… x 100%; A = jumlah …").
 */
import { LABEL_WORDS, WHERE_WORDS } from './vocabulary.js';
import { hasContent, topLevel, trimSpan, type Span, type TokenList } from './tokens.js';

/** Longest symbol defined in a where-clause ("A", "B", "N1"). */
const MAX_SYMBOL_LENGTH = 3;

/** Punctuation that may end the formula before a where-clause. */
const CLAUSE_BREAKS = new Set([',', ';', '.', ':']);

const isDefinitionSign = (t: { text: string } | undefined): boolean => t?.text === '=' || t?.text === ':';

/** Where an explanation of symbols starts: "dimana …", "Keterangan: …", or ", A = …". */
function whereClauseStart(list: TokenList, top: readonly number[], s: Span): number | null {
  for (const i of top) {
    if (!hasContent(list, { from: s.from, to: i })) continue;
    const t = list.tokens[i];
    if (t?.kind !== 'word') continue;
    if (WHERE_WORDS.has(t.lower)) return i;
    const before = list.tokens[i - 1];
    const symbolDefined = t.text.length <= MAX_SYMBOL_LENGTH && list.tokens[i + 1]?.text === '=';
    if (symbolDefined && before !== undefined && CLAUSE_BREAKS.has(before.text)) return i;
  }
  return null;
}

/** Is the span made only of words, i.e. a name or a label rather than a computation? */
function isName(list: TokenList, s: Span): boolean {
  if (!hasContent(list, s)) return false;
  for (let i = s.from; i < s.to; i++) {
    const k = list.tokens[i]?.kind;
    if (k !== 'word' && k !== 'punct' && k !== 'open' && k !== 'close') return false;
  }
  return true;
}

function isLabel(list: TokenList, s: Span): boolean {
  for (let i = s.from; i < s.to; i++) {
    const t = list.tokens[i];
    if (t?.kind !== 'word' || !LABEL_WORDS.has(t.lower)) return false;
  }
  return hasContent(list, s);
}

export function focusFormula(list: TokenList, whole: Span): Span {
  let s = trimSpan(list, whole);
  const where = whereClauseStart(list, topLevel(list, s), s);
  if (where !== null) s = trimSpan(list, { from: s.from, to: where });
  for (const i of topLevel(list, s)) {
    const t = list.tokens[i];
    if (!isDefinitionSign(t)) continue;
    const left: Span = { from: s.from, to: i };
    const right: Span = { from: i + 1, to: s.to };
    // "Rumus : …" (a label) or "Persentase X = …" (a name being defined): the formula is on the right.
    const defines = t?.text === '=' ? isName(list, left) : isLabel(list, left);
    if (defines && hasContent(list, right)) return trimSpan(list, right);
    break;
  }
  return s;
}
