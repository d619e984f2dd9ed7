/**
 * Loading the hunspell Indonesian dictionary (Debian's hunspell-id) through nspell. A missing
 * dictionary is not an error: the checker then works from its built-in lexicon alone and says so
 * once through a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';

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
    const aff = readFileSync(join(dir, `${DICTIONARY_NAME}.aff`), 'latin1');
    const dic = readFileSync(join(dir, `${DICTIONARY_NAME}.dic`), 'latin1');
    const speller = nspell(aff, dic);
    const stems = new Set<string>();
    for (const line of dic.split('\n').slice(1)) {
      const head = line.split('/')[0]?.trim().toLowerCase();
      if (head) stems.add(head);
    }
    return { ok: true, dictionary: { correct: (w) => speller.correct(w), stems, dir } };
  } catch (err) {
    return {
      ok: false,
      warning: `hunspell dictionary in ${dir} could not be loaded (${err instanceof Error ? err.message : String(err)}); spelling checks use the built-in lexicon only`,
    };
  }
}
