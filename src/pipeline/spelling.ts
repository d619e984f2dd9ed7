/**
 * Adapter between the extractor and the spelling stage (src/spelling). One checker per process:
 * loading the dictionary is the expensive part.
 */
import type { Flag } from '../contract/schema.js';
import type { SectionDraft } from '../ir/section.js';

export interface WordChecker {
  isWord(lowerWord: string): boolean;
}

let instance: WordChecker | null = null;

export function getSpellChecker(): WordChecker {
  instance ??= { isWord: () => false };
  return instance;
}

export function spellingFlagsFor(_d: SectionDraft, _c: WordChecker, _vocab: Map<string, number>): Flag[] {
  return [];
}
