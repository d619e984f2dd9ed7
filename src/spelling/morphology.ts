/**
 * Lenient Indonesian affix stripping. hunspell-id misses many regular derivations
 * (kependudukan, difasilitasi, keseluruhannya), so a word that strips down to a known root is
 * taken as probably well-formed: such a word is flagged only on strong evidence from the
 * document itself.
 */

/** A root reached by stripping affixes must be at least this long (shorter ones match by chance). */
export const MIN_ROOT_LENGTH = 4;

/** How many prefixes may be stripped in a row (di-ber-daya-kan, mem-per-baik-i). */
export const MAX_PREFIX_LAYERS = 2;

const PARTICLES = ['lah', 'kah', 'pun', 'tah'];
const POSSESSIVES = ['nya', 'ku', 'mu'];
const SUFFIXES = ['kan', 'an', 'i'];

/**
 * Prefixes with the consonants their nasal form swallows (meN-/peN- + p/t/k/s); '' keeps the
 * rest as is. Longer prefixes first so "peng" is tried before "pe".
 */
const PREFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['memper', ['']],
  ['diper', ['']],
  ['menge', ['']],
  ['penge', ['']],
  ['meng', ['', 'k']],
  ['peng', ['', 'k']],
  ['meny', ['s']],
  ['peny', ['s']],
  ['mem', ['', 'p']],
  ['pem', ['', 'p']],
  ['men', ['', 't']],
  ['pen', ['', 't']],
  ['ber', ['']],
  ['bel', ['']],
  ['per', ['']],
  ['ter', ['']],
  ['be', ['']],
  ['me', ['']],
  ['pe', ['']],
  ['di', ['']],
  ['ke', ['']],
  ['se', ['']],
];

const VOWEL = /^[aiueo]/;

/** The word with its enclitics and suffix removed, in every combination, longest first. */
function stems(word: string): string[] {
  const out = [word];
  let frontier = [word];
  for (const group of [PARTICLES, POSSESSIVES, SUFFIXES]) {
    const next: string[] = [];
    for (const w of frontier) {
      for (const end of group) {
        if (w.endsWith(end) && w.length - end.length >= MIN_ROOT_LENGTH) next.push(w.slice(0, -end.length));
      }
    }
    out.push(...next);
    frontier = [...frontier, ...next];
  }
  return [...new Set(out)];
}

function stripPrefixes(base: string, isRoot: (w: string) => boolean, layers: number): string | null {
  for (const [prefix, restorations] of PREFIXES) {
    if (!base.startsWith(prefix)) continue;
    const rest = base.slice(prefix.length);
    for (const restore of restorations) {
      if (restore && !VOWEL.test(rest)) continue;
      const candidate = restore + rest;
      if (candidate.length < MIN_ROOT_LENGTH) continue;
      if (isRoot(candidate)) return candidate;
      if (layers > 1) {
        const deeper = stripPrefixes(candidate, isRoot, layers - 1);
        if (deeper) return deeper;
      }
    }
  }
  return null;
}

/**
 * The known root a word derives from by regular affixation, or null. `word` is lower case;
 * `isRoot` says whether a string is a known word. The word itself is not tested.
 */
export function derivationRoot(word: string, isRoot: (w: string) => boolean): string | null {
  for (const stem of stems(word)) {
    if (stem !== word && isRoot(stem)) return stem;
    const root = stripPrefixes(stem, isRoot, MAX_PREFIX_LAYERS);
    if (root) return root;
  }
  return null;
}
