/**
 * Loading the hunspell Indonesian dictionary (Debian's hunspell-id) through nspell. A missing
 * dictionary is not an error: the checker then works from its built-in lexicon alone and says so
 * once through a warning.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';

/**
 * Expanding the dictionary's affixes takes nspell about a second; the expanded word list is
 * cached on disk (keyed by the .dic file's size and time) so later processes load it in a
 * fraction of that. Set IKI_CACHE_DIR to move it; an unwritable cache is simply not used.
 */
function cacheDir(): string {
  return process.env.IKI_CACHE_DIR ?? join(process.env.IKI_DATA_DIR ?? '.data', 'cache');
}

/** Words nspell accepts, expanded; `correct` mirrors nspell's case rules (exact, else lower case). */
function wordSetSpeller(words: Set<string>): (w: string) => boolean {
  return (w) => {
    if (words.has(w)) return true;
    const lower = w.toLowerCase();
    // Capitalised or all-capitals forms of a lower-case entry are correct, as in hunspell.
    return lower !== w && (w === w.toUpperCase() || w[0] === w[0]!.toUpperCase()) && words.has(lower);
  };
}

function cachedWords(dicPath: string): { words: Set<string>; path: string } | null {
  try {
    const st = statSync(dicPath);
    const path = join(cacheDir(), `hunspell-${DICTIONARY_NAME}-${st.size}-${Math.floor(st.mtimeMs)}.words`);
    if (!existsSync(path)) return { words: new Set(), path };
    return { words: new Set(readFileSync(path, 'utf8').split('\n').filter(Boolean)), path };
  } catch {
    return null;
  }
}

function writeCache(path: string, words: Iterable<string>): void {
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, [...words].join('\n'));
    renameSync(tmp, path); // atomic: concurrent workers never read half a file
  } catch {
    /* a read-only disk only costs start-up time */
  }
}

/** Where Debian, Ubuntu, Fedora and Homebrew put hunspell dictionaries. */
export const DEFAULT_DICTIONARY_DIRS: readonly string[] = [
  '/usr/share/hunspell',
  '/usr/share/myspell',
  '/usr/share/myspell/dicts',
  '/usr/local/share/hunspell',
  '/opt/homebrew/share/hunspell',
];

/** Environment variable that names an extra directory to search first. */
export const DICTIONARY_DIR_ENV = 'IKI_HUNSPELL_DIR';

/** Base name of the dictionary files (id_ID.aff, id_ID.dic). */
export const DICTIONARY_NAME = 'id_ID';

export interface LoadedDictionary {
  /** True when the word (any case) is a form the dictionary accepts. */
  correct(word: string): boolean;
  /** Headwords of the .dic file, lower case: roots as listed, before any affix is applied. */
  stems: ReadonlySet<string>;
  /** Directory the files came from. */
  dir: string;
}

export type DictionaryLoad = { ok: true; dictionary: LoadedDictionary } | { ok: false; warning: string };

/** Finds and loads id_ID.aff/.dic; never throws. */
export function loadDictionary(dictionaryDir?: string): DictionaryLoad {
  const dirs =
    dictionaryDir !== undefined
      ? [dictionaryDir]
      : [process.env[DICTIONARY_DIR_ENV], ...DEFAULT_DICTIONARY_DIRS].filter((d): d is string => Boolean(d));
  const dir = dirs.find(
    (d) => existsSync(join(d, `${DICTIONARY_NAME}.aff`)) && existsSync(join(d, `${DICTIONARY_NAME}.dic`)),
  );
  if (dir === undefined) {
    return {
      ok: false,
      warning:
        `hunspell dictionary ${DICTIONARY_NAME} not found (searched ${dirs.join(', ')}); ` +
        'spelling checks use the built-in lexicon only (install hunspell-id)',
    };
  }
  try {
    // The files declare ISO-8859-1; every Indonesian headword is ASCII, so latin1 decoding is exact.
    const dicPath = join(dir, `${DICTIONARY_NAME}.dic`);
    const dic = readFileSync(dicPath, 'latin1');
    const stems = new Set<string>();
    for (const line of dic.split('\n').slice(1)) {
      const head = line.split('/')[0]?.trim().toLowerCase();
      if (head) stems.add(head);
    }
    const cache = cachedWords(dicPath);
    if (cache && cache.words.size > 0)
      return { ok: true, dictionary: { correct: wordSetSpeller(cache.words), stems, dir } };
    const aff = readFileSync(join(dir, `${DICTIONARY_NAME}.aff`), 'latin1');
    const speller = nspell(aff, dic) as ReturnType<typeof nspell> & { data?: Record<string, unknown> };
    if (cache && speller.data) writeCache(cache.path, Object.keys(speller.data));
    return { ok: true, dictionary: { correct: (w) => speller.correct(w), stems, dir } };
  } catch (err) {
    return {
      ok: false,
      warning: `hunspell dictionary in ${dir} could not be loaded (${err instanceof Error ? err.message : String(err)}); spelling checks use the built-in lexicon only`,
    };
  }
}
