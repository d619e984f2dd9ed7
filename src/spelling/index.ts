/**
 * Spelling: the SPELLING_VARIANT flag. Load the checker once (createSpellChecker), build the
 * document's vocabulary from all its text (buildDocumentVocabulary), then flag each section.
 */
export {
  createSpellChecker,
  matchCase,
  type SpellChecker,
  type SpellingVariant,
  type VariantContext,
} from './checker.js';
export {
  buildDocumentVocabulary,
  spellingFindings,
  spellingFlags,
  SPELLING_FIELDS,
  type SpellingField,
  type SpellingFinding,
} from './flags.js';
