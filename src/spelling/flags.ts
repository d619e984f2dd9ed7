/**
 * SPELLING_VARIANT flags of a section: one per misspelt word per sasaran/indikator/formulasi
 * cell, with the correction as suggestion.
 */
import type { Flag } from '../contract/schema.js';
import type { SectionDraft } from '../ir/section.js';
import type { SpellChecker } from './checker.js';
import { plainWords } from './tokens.js';

/** The cells of a row that are checked, in flag order. */
export const SPELLING_FIELDS = ['sasaran', 'indikator', 'formulasi'] as const;
export type SpellingField = (typeof SPELLING_FIELDS)[number];

export interface SpellingFinding {
  word: string;
  suggestion: string;
  field: SpellingField;
  /** Index of the row in `indikator`. */
  row: number;
  reason: string;
}

/**
 * The words of each distinct text a vocabulary was built from, kept beside it so that the rows'
 * own words (the same texts again) are not tokenised twice. Lives as long as the vocabulary.
 */
const wordsOfTexts = new WeakMap<Map<string, number>, Map<string, string[]>>();

/** Lower-case word → count over all the given texts (pass every text of the document). */
export function buildDocumentVocabulary(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const memo = new Map<string, string[]>();
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    let words = memo.get(text);
    if (words === undefined) {
      words = plainWords(text);
      memo.set(text, words);
    }
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  wordsOfTexts.set(counts, memo);
  return counts;
}

/** The words of a row's sasaran, indikator, formulasi and penjelasan (a correction can be read there). */
function rowWords(
  row: SectionDraft['indikator'][number],
  memo: Map<string, string[]> | undefined,
): Set<string> {
  const words = new Set<string>();
  for (const t of [row.sasaran, row.indikator, row.formulasi, ...row.penjelasan]) {
    if (typeof t === 'string') for (const w of memo?.get(t) ?? plainWords(t)) words.add(w);
  }
  return words;
}

/** Every misspelling found in the checked cells of a section, in row and field order. */
export function spellingFindings(
  section: SectionDraft,
  checker: SpellChecker,
  documentVocabulary?: Map<string, number>,
): SpellingFinding[] {
  const out: SpellingFinding[] = [];
  const memo = documentVocabulary ? wordsOfTexts.get(documentVocabulary) : undefined;
  section.indikator.forEach((row, i) => {
    // The row's words are read once for its three checked cells.
    let sameRowWords: Set<string> | undefined;
    for (const field of SPELLING_FIELDS) {
      const text = row[field];
      if (!text) continue;
      sameRowWords ??= rowWords(row, memo);
      const seen = new Set<string>();
      for (const v of checker.findVariants(text, { documentVocabulary, sameRowWords })) {
        const key = v.word.toLowerCase();
        if (seen.has(key)) continue; // one flag per misspelt word per cell
        seen.add(key);
        out.push({ word: v.word, suggestion: v.suggestion, field, row: i, reason: v.reason });
      }
    }
  });
  return out;
}

/** SPELLING_VARIANT flags (severity info) for the sasaran, indikator and formulasi cells. */
export function spellingFlags(
  section: SectionDraft,
  checker: SpellChecker,
  documentVocabulary?: Map<string, number>,
): Flag[] {
  return spellingFindings(section, checker, documentVocabulary).map((f) => ({
    code: 'SPELLING_VARIANT',
    severity: 'info',
    path: `indikator[${f.row}].${f.field}`,
    message: `"${f.word}" in ${f.field} is a misspelling of "${f.suggestion}" (${f.reason}).`,
    suggestion: f.suggestion,
  }));
}
