/**
 * Finding evident misspellings in Indonesian cell text. A word is a candidate only when neither
 * the hunspell dictionary nor the built-in lexicons know it and it does not look like an acronym,
 * code or abbreviation; its correction must be a known word one typo away (two for long words),
 * and the weaker the typo's shape, the more the document itself must back the correction
 * (the same row reads it, or the document uses it more often than the odd spelling).
 * Precision matters as much as recall: every doubt resolves to "not flagged".
 */
import { COMMON_WORDS, FUNCTION_WORDS } from './data/common.js';
import { DOMAIN_WORDS } from './data/domain.js';
import { ENGLISH_WORDS } from './data/english.js';
import { NON_STANDARD } from './data/variants.js';
import { loadDictionary, type LoadedDictionary } from './dictionary.js';
import {
  boundedDistance,
  isSubsequence,
  oneEditAway,
  SHAPE_RANK,
  typoShape,
  type TypoShape,
} from './edits.js';
import { derivationRoot } from './morphology.js';
import { plainWords, plainWordsOf, tokenize, type WordToken } from './tokens.js';

/** Words shorter than this are never checked (di, ke, RT). */
export const MIN_WORD_LENGTH = 3;

/**
 * Words up to this length are flagged only for a dropped, doubled or swapped letter of a word the
 * document itself uses (yag → yang).
 */
export const SHORT_WORD_LENGTH = 4;

/** Words at least this long may be two edits off with document support, or flagged on shape alone. */
export const LONG_WORD_LENGTH = 7;

/**
 * Longer letter runs are never words (Indonesian tops out near 25 letters:
 * dipertanggungjawabkannya); checking them would only cost time.
 */
export const MAX_WORD_LENGTH = 40;

/** Two edits against the common-word list only for words this long that merely lack letters. */
export const TWO_EDIT_COMMON_LENGTH = 8;

/**
 * An unknown word the document uses this often, whose correction the document never uses, is
 * taken as a term of the document's own (a local name, an abbreviation), not a slip.
 */
export const RECURRING_COUNT = 3;

/** A correction counts as the document's own word when it occurs at least this often. */
export const MIN_DOCUMENT_SUPPORT = 2;

/** Ranking prior: pseudo-count of a correction the same row reads. */
export const ROW_PSEUDO_COUNT = 3;

/** Ranking prior: pseudo-count of a correction on the common-word list. */
export const COMMON_PSEUDO_COUNT = 2;

/** Ranking prior: pseudo-count of any other dictionary word (one the document never uses). */
export const DICTIONARY_PSEUDO_COUNT = 0.1;

/**
 * How likely each typo shape is, relative to a swapped, doubled or dropped letter: the channel
 * half of a noisy-channel ranking (score = document prior × shape likelihood).
 */
export const SHAPE_LIKELIHOOD: Readonly<Record<TypoShape, number>> = {
  transposition: 1,
  doubled: 1,
  dropped: 1,
  near: 0.4,
  extra: 0.4,
  'skipped-pair': 0.5,
  substitution: 0.15,
  'two-edits': 0.05,
};

/** When the runner-up scores at least this share of the best, the correction is not evident. */
export const AMBIGUITY_RATIO = 0.75;

/** A word this short followed by a dot is an abbreviation (Adm., Kec., Jl.). */
export const ABBREVIATION_MAX_LENGTH = 4;

/** A field whose letters are at least this share upper case is printed in capitals throughout. */
export const UPPERCASE_FIELD_RATIO = 0.8;

/** In an all-capitals field, capitalised words at least this long are read as words, not acronyms. */
export const CAPS_WORD_MIN_LENGTH = 6;

/** Each part of a run-together pair must be at least this long. */
export const MIN_SPLIT_PART = 3;

/** Affix-stripping steps taken to reach the core root when comparing two derivations. */
export const MAX_ROOT_STEPS = 3;

/** Per-word analyses kept before the cache is cleared (bounds memory in a long-lived server). */
export const WORD_CACHE_LIMIT = 50_000;

export interface VariantContext {
  /** Lower-case word → count over the whole document (see buildDocumentVocabulary). */
  documentVocabulary?: Map<string, number>;
  /** The other cells of the same row, where a correction can be read (Musrenbangde / Musrenbangdes). */
  sameRowText?: string;
  /**
   * plainWords of sameRowText, when the caller already has them (a row's three checked cells
   * share one row text); sameRowText is then not read.
   */
  sameRowWords?: ReadonlySet<string>;
}

export interface SpellingVariant {
  /** The word as printed ("di tangani" for a detached prefix). */
  word: string;
  /** The correction, with the printed word's capitalisation. */
  suggestion: string;
  /** Why, in a few words. */
  reason: string;
}

export interface SpellChecker {
  findVariants(text: string, context?: VariantContext): SpellingVariant[];
  /** A known word (dictionary, lexicons, English list); lower case in. Used to rejoin words cut by line breaks. */
  isWord(lowerWord: string): boolean;
  /** Set once when the checker runs degraded (no hunspell dictionary); empty otherwise. */
  readonly warnings: readonly string[];
  /** Where the hunspell dictionary was loaded from; null when running on the built-in lexicon. */
  readonly dictionaryDir: string | null;
}

/** How well a correction is supported, strongest first. */
const Evidence = { Row: 0, Document: 1, Common: 2, None: 3 } as const;
type Evidence = (typeof Evidence)[keyof typeof Evidence];

type Knowledge = 'known' | 'derived' | 'unknown';

interface Candidate {
  /** The correction, lower case. */
  word: string;
  distance: number;
  shape: TypoShape;
  /** For the typo of a non-standard form (prosentasi ← prosentase): that form. */
  via?: string;
}

interface WordInfo {
  knowledge: Knowledge;
  /** A context-free fix: a known non-standard form or a regular pattern. */
  fix: { suggestion: string; reason: string } | null;
  /** Known words and non-standard forms one edit away, plus common words two edits away (lazy). */
  candidates: Candidate[] | null;
  /** "dalam perencanaan" for "dalamperencanaan"; null when no split applies. */
  split: string | null;
}

/** A word as printed: letters a–z only and at least one vowel, else not checked at all. */
interface PrintedWord {
  lw: string;
  /** All capitals (an acronym, or a field in capitals). */
  upper: boolean;
  /** A capital after the first letter (APBDes). */
  innerCapital: boolean;
}

interface Scored extends Candidate {
  evidence: Evidence;
  support: number;
  /** Noisy-channel score: document prior × shape likelihood. */
  score: number;
}

const SHAPE_WORDS: Readonly<Record<TypoShape, string>> = {
  transposition: 'swapped letters',
  doubled: 'doubled letter',
  dropped: 'missing letter',
  near: 'wrong letter',
  extra: 'extra letter',
  'skipped-pair': 'two letters left out',
  substitution: 'wrong letter',
  'two-edits': 'letters missing or wrong',
};

/** Marks after which a new sentence or item starts, so a capital there says nothing about names. */
const SENTENCE_MARKS = '.:;!?)]';

/** The cell being checked; whether it is printed in capitals is worked out on first need. */
interface FieldText {
  text: string;
  /** Number of word tokens in the cell. */
  words: number;
  caps: boolean | undefined;
}

/** True when the cell has several words and at least UPPERCASE_FIELD_RATIO of its letters are capitals. */
function capsField(field: FieldText): boolean {
  if (field.caps === undefined) {
    const letters = field.text.replace(/[^\p{L}]/gu, '');
    field.caps =
      letters.length > 0 &&
      letters.replace(/[^\p{Lu}]/gu, '').length / letters.length >= UPPERCASE_FIELD_RATIO &&
      field.words > 1;
  }
  return field.caps;
}

/** True when the word at `start` opens the text, a sentence or a list item. */
function opensSentence(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && /\s/.test(text[j]!)) j--;
  return j < 0 || SENTENCE_MARKS.includes(text[j]!);
}

const ENDINGS = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu', 'an', 'kan'];

/** The printed word's capitalisation carried over to the correction. */
export function matchCase(printed: string, correction: string): string {
  const letters = printed.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return correction.toUpperCase();
  const first = printed[0] ?? '';
  if (first !== first.toLowerCase()) return correction.charAt(0).toUpperCase() + correction.slice(1);
  return correction;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A letter swap an English word makes on its way into Indonesian (computer/komputer, survey/survei). */
function englishAdaptation(typed: string, meant: string): boolean {
  if (typed.length !== meant.length) return false;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === meant[i]) continue;
    const pair = (typed[i] ?? '') + (meant[i] ?? '');
    return pair === 'ck' || pair === 'cs' || pair === 'yi' || pair === 'qk' || pair === 'xs';
  }
  return false;
}

/** Affixes by which two forms of one word differ (fasilitasi / difasilitasi, tanggungjawab / -i). */
const AFFIXES: ReadonlySet<string> = new Set(
  'di ke se ter ber be per me pe mem men meng meny pem pen peng peny i an kan ian nya lah kah pun ku mu kannya annya inya'.split(
    ' ',
  ),
);

/** True when one word is the other with an affix added: another form, not a misspelling. */
function affixRelative(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.startsWith(short)) return AFFIXES.has(long.slice(short.length));
  if (long.endsWith(short)) return AFFIXES.has(long.slice(0, long.length - short.length));
  return false;
}

interface VocabularyIndex {
  size: number;
  /** The document's words by length. */
  byLength: Map<number, string[]>;
  /** Per checked word: the document's words that may correct it (see documentNeighbours). */
  neighbours: Map<string, Candidate[]>;
}

const vocabularyIndexes = new WeakMap<Map<string, number>, VocabularyIndex>();

/** The index of a document's vocabulary, built once per map (rebuilt if the map changed size). */
function vocabularyIndex(vocab: Map<string, number>): VocabularyIndex {
  const hit = vocabularyIndexes.get(vocab);
  if (hit && hit.size === vocab.size) return hit;
  const byLength = new Map<number, string[]>();
  for (const w of vocab.keys()) {
    const bucket = byLength.get(w.length);
    if (bucket) bucket.push(w);
    else byLength.set(w.length, [w]);
  }
  const index: VocabularyIndex = { size: vocab.size, byLength, neighbours: new Map() };
  vocabularyIndexes.set(vocab, index);
  return index;
}

/** Adds a candidate to the pool, keeping the closer or likelier of two for one word. */
function offer(pool: Map<string, Candidate>, c: Candidate): void {
  const prev = pool.get(c.word);
  if (!prev || c.distance < prev.distance || SHAPE_RANK[c.shape] < SHAPE_RANK[prev.shape])
    pool.set(c.word, c);
}

class Checker implements SpellChecker {
  readonly warnings: readonly string[];
  readonly dictionaryDir: string | null;
  private readonly dict: LoadedDictionary | null;
  private readonly cache = new Map<string, WordInfo>();
  private readonly printed = new Map<string, PrintedWord | null>();
  /** isKnown per word: asked for every line break a cell is rejoined across, and by the affix stripper. */
  private readonly known = new Map<string, boolean>();
  /** coreRoot per word (two-edit candidates are compared by root). */
  private readonly roots = new Map<string, string>();
  /** isKnown as a function value, made once (derivationRoot takes a test). */
  private readonly knownTest = (w: string): boolean => this.isKnown(w);

  constructor(dict: LoadedDictionary | null, warnings: string[]) {
    this.dict = dict;
    this.warnings = warnings;
    this.dictionaryDir = dict?.dir ?? null;
  }

  /** A word we accept as correctly spelled (any list; proper nouns of the dictionary too). */
  isWord(lowerWord: string): boolean {
    return this.isKnown(lowerWord);
  }

  private isKnown(lw: string): boolean {
    const hit = this.known.get(lw);
    if (hit !== undefined) return hit;
    if (this.known.size >= WORD_CACHE_LIMIT) this.known.clear();
    const known =
      COMMON_WORDS.has(lw) ||
      DOMAIN_WORDS.has(lw) ||
      ENGLISH_WORDS.has(lw) ||
      (this.dict !== null && this.dict.correct(capitalised(lw)));
    this.known.set(lw, known);
    return known;
  }

  /** A word we would offer as a correction: Indonesian, not a proper noun. */
  private isCorrection(lw: string): boolean {
    return COMMON_WORDS.has(lw) || DOMAIN_WORDS.has(lw) || (this.dict !== null && this.dict.correct(lw));
  }

  private info(lw: string): WordInfo {
    const hit = this.cache.get(lw);
    if (hit) return hit;
    if (this.cache.size >= WORD_CACHE_LIMIT) this.cache.clear();
    const known = this.isKnown(lw);
    const knowledge: Knowledge = known
      ? 'known'
      : derivationRoot(lw, this.knownTest) !== null
        ? 'derived'
        : 'unknown';
    const info: WordInfo = { knowledge, fix: this.patternFix(lw), candidates: null, split: null };
    if (knowledge === 'unknown') info.split = this.splitRunTogether(lw);
    this.cache.set(lw, info);
    return info;
  }

  /** True when both words strip down to one root (koordinasikan → koordinasi counts as stripping). */
  private sameRoot(a: string, b: string): boolean {
    return this.coreRoot(a) === this.coreRoot(b);
  }

  private coreRoot(word: string): string {
    const hit = this.roots.get(word);
    if (hit !== undefined) return hit;
    if (this.roots.size >= WORD_CACHE_LIMIT) this.roots.clear();
    let root = word;
    for (let i = 0; i < MAX_ROOT_STEPS; i++) {
      const next = derivationRoot(root, this.knownTest);
      if (next === null || next === root) break;
      root = next;
    }
    this.roots.set(word, root);
    return root;
  }

  /** The context-free corrections of a word, computed on first need. */
  private candidatesOf(lw: string, info: WordInfo): Candidate[] {
    info.candidates ??= this.candidatesFor(lw);
    return info.candidates;
  }

  /** Known non-standard forms (with an enclitic or suffix too) and regular misspelling patterns. */
  private patternFix(lw: string): WordInfo['fix'] {
    const direct = NON_STANDARD.get(lw);
    if (direct) return { suggestion: direct, reason: 'non-standard spelling' };
    for (const end of ENDINGS) {
      const base = lw.endsWith(end) ? NON_STANDARD.get(lw.slice(0, -end.length)) : undefined;
      if (base) return { suggestion: base + end, reason: 'non-standard spelling' };
    }
    // aktifitas, sensitifitas: the -ivitas nouns are spelled with v.
    if (/[a-z]{3}fitas(nya)?$/.test(lw)) {
      const fixed = lw.replace(/fitas(nya)?$/, 'vitas$1');
      if (this.isCorrection(fixed.replace(/nya$/, '')))
        return { suggestion: fixed, reason: '-ifitas is spelled -ivitas' };
    }
    // pe-…-an nouns of roots ending in k keep one k (penegakan, not penegakkan); pe- never takes -kan.
    if (/^pe[a-z]{3,}kkan(nya)?$/.test(lw)) {
      const fixed = lw.replace(/kkan(nya)?$/, 'kan$1');
      if (this.isCorrection(fixed.replace(/nya$/, ''))) {
        return { suggestion: fixed, reason: 'a pe-…-an noun takes a single k' };
      }
    }
    return null;
  }

  private candidatesFor(lw: string): Candidate[] {
    const out: Candidate[] = [];
    for (const [edit, shape] of oneEditAway(lw)) {
      const via = NON_STANDARD.get(edit);
      if (via) out.push({ word: via, distance: 1, shape, via: edit });
      else if (this.isCorrection(edit)) out.push({ word: edit, distance: 1, shape });
    }
    if (lw.length >= TWO_EDIT_COMMON_LENGTH) {
      for (const w of COMMON_WORDS) {
        if (boundedDistance(lw, w, 2) === 2 && isSubsequence(lw, w))
          out.push({ word: w, distance: 2, shape: typoShape(lw, w, 2) });
      }
    }
    return out;
  }

  /** "dalamperencanaan" → "dalam perencanaan": two known words, one of them a function word. */
  private splitRunTogether(lw: string): string | null {
    let best: [string, string] | null = null;
    for (let i = MIN_SPLIT_PART; i <= lw.length - MIN_SPLIT_PART; i++) {
      const a = lw.slice(0, i);
      const b = lw.slice(i);
      if (!FUNCTION_WORDS.has(a) && !FUNCTION_WORDS.has(b)) continue;
      if (!this.isCorrection(a) || !this.isCorrection(b)) continue;
      if (!best || Math.min(a.length, b.length) > Math.min(best[0].length, best[1].length)) best = [a, b];
    }
    return best ? `${best[0]} ${best[1]}` : null;
  }

  /** "di tangani" → "ditangani": a detached di- before a suffixed verb that is no word on its own. */
  private detachedPrefix(next: string): string | null {
    if (next !== next.toLowerCase() || !/^[a-z]+$/.test(next)) return null;
    if (!next.endsWith('kan') && !next.endsWith('i')) return null;
    if (next.length < MIN_WORD_LENGTH + 2) return null;
    // A root ("susun", "kali") after di may be a place or thing; only a derived verb is certain.
    if (this.dict === null || this.dict.stems.has(next) || COMMON_WORDS.has(next) || DOMAIN_WORDS.has(next))
      return null;
    const joined = `di${next}`;
    return this.dict.correct(joined) ? joined : null;
  }

  findVariants(text: string, context: VariantContext = {}): SpellingVariant[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(text);
    const field: FieldText = { text, words: tokens.length, caps: undefined };
    const ownWords = plainWordsOf(tokens);
    const given = context.sameRowWords;
    let rowWords: ReadonlySet<string>;
    // A cell of the row whose words the caller already collected adds nothing: no copy needed.
    if (given !== undefined && ownWords.every((w) => given.has(w))) rowWords = given;
    else {
      const words = new Set(given ?? plainWords(context.sameRowText ?? ''));
      for (const w of ownWords) words.add(w);
      rowWords = words;
    }
    const out: SpellingVariant[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const next = tokens[i + 1];
      if (
        tok.text.length === 2 &&
        tok.text.toLowerCase() === 'di' &&
        next &&
        /^ +$/.test(text.slice(tok.end, next.start)) &&
        !next.touchesDigit
      ) {
        const joined = this.detachedPrefix(next.text);
        if (joined) {
          out.push({
            word: text.slice(tok.start, next.end),
            suggestion: matchCase(tok.text, joined),
            reason: 'the prefix di- is written joined to the verb',
          });
          i++;
          continue;
        }
      }
      if (tok.text.includes('-') && this.isKnown(tok.text.toLowerCase())) continue; // e-KTP, self-assessment
      if (!tok.text.includes('-')) {
        const v = this.checkWord(tok.text, tok, field, rowWords, context.documentVocabulary);
        if (v) out.push(v);
        continue;
      }
      for (const part of tok.text.split('-')) {
        const v = this.checkWord(part, tok, field, rowWords, context.documentVocabulary);
        if (v) out.push(v);
      }
    }
    return out;
  }

  private checkWord(
    word: string,
    tok: WordToken,
    field: FieldText,
    rowWords: ReadonlySet<string>,
    vocab: Map<string, number> | undefined,
  ): SpellingVariant | null {
    if (tok.latex || tok.touchesDigit || word.length < MIN_WORD_LENGTH || word.length > MAX_WORD_LENGTH)
      return null;
    const printed = this.printedWord(word);
    if (printed === null) return null;
    if (tok.dotAfter && word.length <= ABBREVIATION_MAX_LENGTH) return null;
    const { lw, upper } = printed;
    // A known non-standard form is no acronym, even in capitals (ANALISA).
    const fix = word.length > ABBREVIATION_MAX_LENGTH || !upper ? this.info(lw).fix : null;
    if (fix) return { word, suggestion: matchCase(word, fix.suggestion), reason: fix.reason };
    if (upper && !(word.length >= CAPS_WORD_MIN_LENGTH && capsField(field))) return null; // SKPD, LKIP
    if (!upper && printed.innerCapital) return null; // APBDes, RPJMDes
    const info = this.info(lw);
    if (info.knowledge === 'known') return null;

    // A capital inside the text (or a field in capitals) may mark a name (Kecamatan Sanggau):
    // such a word is corrected only towards a word the document itself uses.
    const nameLike = upper || (word[0] !== lw[0] && !opensSentence(field.text, tok.start));
    const own = vocab?.get(lw) ?? 0;
    const best = this.bestCandidate(lw, info, rowWords, vocab, own, nameLike);
    if (best && best.evidence <= Evidence.Common) return this.variant(word, best);
    if (info.split && !nameLike) {
      return { word, suggestion: matchCase(word, info.split), reason: 'two words run together' };
    }
    return best ? this.variant(word, best) : null;
  }

  /** What the printed form alone says about a word (cached: the same words recur in every row). */
  private printedWord(word: string): PrintedWord | null {
    const hit = this.printed.get(word);
    if (hit !== undefined) return hit;
    if (this.printed.size >= WORD_CACHE_LIMIT) this.printed.clear();
    // yg, tdk, dgn: shorthand without vowels; anything but plain letters is no word to correct.
    const p: PrintedWord | null =
      /^[A-Za-z]+$/.test(word) && /[aiueo]/i.test(word)
        ? {
            lw: word.toLowerCase(),
            upper: word === word.toUpperCase(),
            innerCapital: /[A-Z]/.test(word.slice(1)),
          }
        : null;
    this.printed.set(word, p);
    return p;
  }

  private variant(word: string, c: Scored): SpellingVariant {
    let reason = c.via ? `a misspelling of the non-standard "${c.via}"` : SHAPE_WORDS[c.shape];
    if (c.evidence === Evidence.Row) reason += `; the same row reads "${c.word}"`;
    else if (c.evidence === Evidence.Document) {
      reason += `; the document writes "${c.word}" ${c.support === 1 ? 'once' : `${c.support} times`}`;
    }
    return { word, suggestion: matchCase(word, c.word), reason };
  }

  private bestCandidate(
    lw: string,
    info: WordInfo,
    rowWords: ReadonlySet<string>,
    vocab: Map<string, number> | undefined,
    own: number,
    nameLike: boolean,
  ): Scored | null {
    const maxDistance = lw.length >= LONG_WORD_LENGTH ? 2 : 1;
    const pool = new Map<string, Candidate>();
    for (const c of this.candidatesOf(lw, info)) offer(pool, c);
    // Words of the row and the document close to this one: the document teaches its own terms.
    for (const w of rowWords) {
      const c = this.nearby(lw, w, true, maxDistance);
      if (c) offer(pool, c);
    }
    if (vocab) for (const c of this.documentNeighbours(lw, vocab, own, maxDistance)) offer(pool, c);

    const scored: Scored[] = [];
    for (const c of pool.values()) {
      if (c.word === lw || (!c.via && (englishAdaptation(lw, c.word) || affixRelative(lw, c.word)))) continue;
      // Two letters more or less at the end is another form of the word (hafiz / hafizah), and two
      // edits between derivations of one root is another derivation (mengkoordinasikan /
      // pengkoordinasian): neither is a slip.
      if (c.distance === 2 && (c.word.startsWith(lw) || lw.startsWith(c.word) || this.sameRoot(lw, c.word)))
        continue;
      const support = (vocab?.get(c.word) ?? 0) + (c.via ? (vocab?.get(c.via) ?? 0) : 0);
      const inRow = rowWords.has(c.word) || (c.via !== undefined && rowWords.has(c.via));
      const common = COMMON_WORDS.has(c.word);
      // An unknown word (not even a derivation) may lean on a word the document uses just as often.
      const documentBacked =
        (support >= MIN_DOCUMENT_SUPPORT && support > own) ||
        (info.knowledge === 'unknown' && lw.length > SHORT_WORD_LENGTH && support >= 1 && support >= own);
      const evidence = inRow
        ? Evidence.Row
        : documentBacked
          ? Evidence.Document
          : common
            ? Evidence.Common
            : Evidence.None;
      const prior =
        support +
        (inRow ? ROW_PSEUDO_COUNT : 0) +
        (common ? COMMON_PSEUDO_COUNT : 0) +
        (support === 0 && !common ? DICTIONARY_PSEUDO_COUNT : 0);
      const s: Scored = { ...c, evidence, support, score: prior * SHAPE_LIKELIHOOD[c.shape] };
      if (nameLike && !this.fitsName(lw, s)) continue;
      if (this.acceptable(lw, info.knowledge, s, own)) scored.push(s);
    }
    if (scored.length === 0) return null;
    scored.sort((a, b) => b.score - a.score || a.evidence - b.evidence || (a.word < b.word ? -1 : 1));
    const [first, second] = scored;
    if (second && second.score >= first!.score * AMBIGUITY_RATIO) return null; // not evident
    return first!;
  }

  /** A word of the row or the document within reach of `lw` that may be its correction, or null. */
  private nearby(lw: string, w: string, fromRow: boolean, maxDistance: number): Candidate | null {
    if (w === lw || w.length < MIN_WORD_LENGTH || Math.abs(w.length - lw.length) > maxDistance) return null;
    const d = boundedDistance(lw, w, maxDistance);
    if (d > maxDistance || d === 0) return null;
    const cutShort = fromRow && w.startsWith(lw) && lw.length >= LONG_WORD_LENGTH - 1;
    // English words count only when the document itself uses them (computer, not komputer).
    const usable =
      cutShort ||
      this.isCorrection(w) ||
      (this.dict !== null && ENGLISH_WORDS.has(w)) ||
      this.info(w).knowledge === 'derived';
    return usable ? { word: w, distance: d, shape: typoShape(lw, w, d) } : null;
  }

  /**
   * The document's words near `lw` that it uses at least as often (`own` times): fixed for one
   * document, so worked out once per word and vocabulary.
   */
  private documentNeighbours(
    lw: string,
    vocab: Map<string, number>,
    own: number,
    maxDistance: number,
  ): Candidate[] {
    const { byLength, neighbours } = vocabularyIndex(vocab);
    const hit = neighbours.get(lw);
    if (hit) return hit;
    const out: Candidate[] = [];
    for (let len = lw.length - maxDistance; len <= lw.length + maxDistance; len++) {
      for (const w of byLength.get(len) ?? []) {
        // A slip rarely touches both of the first two letters.
        if (w[0] !== lw[0] && w[0] !== lw[1] && w[1] !== lw[0]) continue;
        const n = vocab.get(w) ?? 0;
        if (n < 1 || n < own) continue;
        const c = this.nearby(lw, w, false, maxDistance);
        if (c) out.push(c);
      }
    }
    neighbours.set(lw, out);
    return out;
  }

  /**
   * A word that may be a name is corrected only towards a word the document uses, or, when long,
   * by a plain slip towards a common word (Kelurahaan, but not Tahuna → tahunan).
   */
  private fitsName(lw: string, c: Scored): boolean {
    if (c.evidence <= Evidence.Document) return true;
    return c.evidence === Evidence.Common && lw.length >= LONG_WORD_LENGTH && SHAPE_RANK[c.shape] === 0;
  }

  private acceptable(lw: string, knowledge: Knowledge, c: Scored, own: number): boolean {
    const rank = SHAPE_RANK[c.shape];
    if (lw.length <= SHORT_WORD_LENGTH) {
      // Short shorthand (des, kab, sda) sits next to many words: only a slip of a word the
      // document itself uses counts.
      return c.distance === 1 && rank === 0 && c.evidence <= Evidence.Document;
    }
    const long = lw.length >= LONG_WORD_LENGTH;
    if (this.dict === null) {
      // Without the dictionary most words are unknown: only a plain slip of the document's own word.
      return c.distance === 1 && rank === 0 && c.evidence <= Evidence.Document;
    }
    if (knowledge === 'derived') {
      // A regular derivation of a known root: only the document can overrule it.
      return c.evidence <= Evidence.Document && (c.distance === 1 || long);
    }
    switch (c.evidence) {
      case Evidence.Row:
      case Evidence.Document:
        return c.distance === 1 || long;
      case Evidence.Common:
        if (c.distance === 1) return rank <= 1 || own < RECURRING_COUNT;
        return lw.length >= TWO_EDIT_COMMON_LENGTH && isSubsequence(lw, c.word) && own < RECURRING_COUNT;
      default:
        return c.distance === 1 && rank === 0 && long && own < RECURRING_COUNT;
    }
  }
}

const checkers = new Map<string, Checker>();

/**
 * The spell checker, loaded once per dictionary directory (about a second for hunspell-id) and
 * shared after that. Never throws: without the dictionary it runs on the built-in lexicon and
 * says so in `warnings`.
 */
export function createSpellChecker(opts: { dictionaryDir?: string } = {}): SpellChecker {
  const key = opts.dictionaryDir ?? '';
  const cached = checkers.get(key);
  if (cached) return cached;
  const load = loadDictionary(opts.dictionaryDir);
  const checker = load.ok ? new Checker(load.dictionary, []) : new Checker(null, [load.warning]);
  checkers.set(key, checker);
  return checker;
}
