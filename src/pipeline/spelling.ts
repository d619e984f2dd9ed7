/**
 * Adapter between the extractor and the spelling stage (src/spelling). One checker per process:
 * loading the dictionary is the expensive part (about a second), so it is loaded lazily once.
 */
import type { Flag } from '../contract/schema.js';
import type { SectionDraft } from '../ir/section.js';
import type { SpellChecker } from '../spelling/index.js';
import { buildDocumentVocabulary, createSpellChecker, spellingFlags } from '../spelling/index.js';

export type { SpellChecker };

export function getSpellChecker(): SpellChecker {
  return createSpellChecker();
}

/** The document's words with counts, from every text of every section (spelling evidence). */
export function spellingVocabulary(drafts: readonly SectionDraft[]): Map<string, number> {
  const texts: string[] = [];
  for (const d of drafts) {
    texts.push(d.title ?? '', d.jabatan ?? '', ...d.tugas, ...d.fungsi);
    for (const r of d.indikator) {
      texts.push(r.sasaran ?? '', r.indikator ?? '', r.formulasi ?? '', ...r.penjelasan, ...r.sumberData);
      texts.push(r.penanggungJawab ?? '');
    }
  }
  return buildDocumentVocabulary(texts);
}

export function spellingFlagsFor(d: SectionDraft, checker: SpellChecker, vocab: Map<string, number>): Flag[] {
  return spellingFlags(d, checker, vocab);
}
