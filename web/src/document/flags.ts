/**
 * Flags in reading order, each placed where it belongs: the file, a form, or one row of a form
 * (from its path, `indikator[3].target.2020`), with the field it points at, so the reviewer can
 * jump from flag to flag and land on the field to fix.
 */
import type { Flag, KeyedResult } from '../api/types';

export interface PlacedFlag {
  flag: Flag;
  /** Null for a file-level flag. */
  section: number | null;
  /** Null unless the flag points into an indicator row. */
  row: number | null;
  /** The field's path relative to its row or form (`target.2020`, `penandatangan[0].nip`), if any. */
  field: string | null;
}

const ROW_PATH = /^indikator\[(\d+)\](?:\.(.+))?$/;

export function placeFlag(flag: Flag, section: number | null): PlacedFlag {
  if (section === null) return { flag, section, row: null, field: null };
  const m = flag.path ? ROW_PATH.exec(flag.path) : null;
  if (m) return { flag, section, row: Number(m[1]), field: m[2] ?? null };
  return { flag, section, row: null, field: flag.path };
}

/** One PlacedFlag per flag object, so an unchanged flag keeps its identity between renders. */
const placedCache = new WeakMap<Flag, PlacedFlag>();

function placed(flag: Flag, section: number | null): PlacedFlag {
  let p = placedCache.get(flag);
  if (!p || p.section !== section) {
    p = placeFlag(flag, section);
    placedCache.set(flag, p);
  }
  return p;
}

/** Every flag of the result: file flags, then per form its own flags and its rows' flags in row order. */
export function orderedFlags(result: KeyedResult): PlacedFlag[] {
  const out: PlacedFlag[] = result.flags.map((f) => placed(f, null));
  result.sections.forEach((s, si) => {
    const placedFlags = s.flags.map((f) => placed(f, si));
    const formLevel = placedFlags.filter((p) => p.row === null);
    const rowLevel = placedFlags.filter((p) => p.row !== null).sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    out.push(...formLevel, ...rowLevel);
  });
  return out;
}

/** The misspelt word a SPELLING_VARIANT flag quotes first in its message. */
export function quotedWord(flag: Flag): string | null {
  return /^"([^"]+)"/.exec(flag.message)?.[1] ?? null;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * The field's text with the flagged word replaced by the suggestion: the first occurrence that
 * stands as a whole word (exact case first, then ignoring case). Null when the word is not there
 * (the field was already corrected by hand).
 */
export function applySuggestion(text: string, word: string, suggestion: string): string | null {
  const find = (haystack: string, needle: string) => {
    for (let from = 0; ;) {
      const at = haystack.indexOf(needle, from);
      if (at < 0) return -1;
      const before = at > 0 ? haystack[at - 1]! : '';
      const after = haystack[at + needle.length] ?? '';
      if (!LETTER.test(before) && !LETTER.test(after)) return at;
      from = at + 1;
    }
  };
  let at = find(text, word);
  if (at < 0) at = find(text.toLowerCase(), word.toLowerCase());
  if (at < 0) return null;
  return text.slice(0, at) + suggestion + text.slice(at + word.length);
}

/** A flag whose suggestion is a replacement for a word of a field (spelling), not advice. */
export function isFixable(p: PlacedFlag): boolean {
  return (
    p.flag.code === 'SPELLING_VARIANT' && !!p.flag.suggestion && !!quotedWord(p.flag) && p.field !== null
  );
}
