/**
 * Edit distance and the shape of a one-edit typo. Shapes rank how likely a slip of the hand is:
 * a swapped, doubled or dropped letter is far commoner than an arbitrary wrong letter.
 */

export type TypoShape =
  | 'transposition' // kuris → kursi
  | 'doubled' // evalluasi → evaluasi
  | 'dropped' // yag → yang
  | 'near' // a neighbouring key or a sound-alike letter: Kecamatab → Kecamatan, materai → meterai
  | 'extra' // an extra letter that is not a double: pegawain → pegawai
  | 'skipped-pair' // two letters left out where they repeat nearby: pelaksaan → pelaksanaan
  | 'substitution' // any other wrong letter
  | 'two-edits'; // two of the above

/** Lower is likelier. */
export const SHAPE_RANK: Readonly<Record<TypoShape, number>> = {
  transposition: 0,
  doubled: 0,
  dropped: 0,
  near: 1,
  extra: 1,
  'skipped-pair': 1,
  substitution: 2,
  'two-edits': 3,
};

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters that sound alike in Indonesian spelling slips (f/v in aktifitas, a/e in materai). */
const SOUND_ALIKE: readonly string[] = [
  'fv',
  'fp',
  'pv',
  'ae',
  'ei',
  'ou',
  'iy',
  'kq',
  'kg',
  'sz',
  'jz',
  'dt',
  'bp',
  'mn',
];

function keyboardNeighbours(a: string, b: string): boolean {
  for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
    const i = KEYBOARD_ROWS[r]!.indexOf(a);
    if (i < 0) continue;
    for (let dr = -1; dr <= 1; dr++) {
      const row = KEYBOARD_ROWS[r + dr];
      if (!row) continue;
      for (let dc = -1; dc <= 1; dc++) if (row[i + dc] === b) return true;
    }
  }
  return false;
}

/** True when typing `typed` for `meant` is a likely slip (adjacent key or sound-alike). */
export function nearLetters(typed: string, meant: string): boolean {
  return (
    keyboardNeighbours(typed, meant) || SOUND_ALIKE.some((p) => p === typed + meant || p === meant + typed)
  );
}

/** Every string one edit away from `word` (lower case a–z), with the shape of that edit. */
export function oneEditAway(word: string): Map<string, TypoShape> {
  const out = new Map<string, TypoShape>();
  const put = (w: string, shape: TypoShape): void => {
    const prev = out.get(w);
    if (w !== word && (prev === undefined || SHAPE_RANK[shape] < SHAPE_RANK[prev])) out.set(w, shape);
  };
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    // Deleting a letter of the typed word: the writer added it.
    put(word.slice(0, i) + word.slice(i + 1), ch === word[i - 1] || ch === word[i + 1] ? 'doubled' : 'extra');
    if (i + 1 < word.length && word[i + 1] !== ch) {
      put(word.slice(0, i) + word[i + 1] + ch + word.slice(i + 2), 'transposition');
    }
    for (const c of ALPHABET) {
      if (c !== ch)
        put(word.slice(0, i) + c + word.slice(i + 1), nearLetters(ch, c) ? 'near' : 'substitution');
    }
  }
  for (let i = 0; i <= word.length; i++) {
    for (const c of ALPHABET) put(word.slice(0, i) + c + word.slice(i), 'dropped');
  }
  return out;
}

/** Rows of the distance table, reused across calls (the checker asks thousands of times per document). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), capped:
 * returns max + 1 as soon as the distance must exceed `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(2 * n + 2);
    rowB = new Int32Array(2 * n + 2);
    rowC = new Int32Array(2 * n + 2);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) {
    prev2[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[n]!;
}

/** The shape of the typo that turns `meant` into `typed`, given their distance. */
export function typoShape(typed: string, meant: string, distance: number): TypoShape {
  if (distance >= 2) return skippedPair(typed, meant) ? 'skipped-pair' : 'two-edits';
  let i = 0;
  while (i < typed.length && i < meant.length && typed[i] === meant[i]) i++;
  if (typed.length === meant.length + 1) {
    return typed[i] === typed[i - 1] || typed[i] === typed[i + 1] ? 'doubled' : 'extra';
  }
  if (typed.length + 1 === meant.length) return 'dropped';
  if (typed[i + 1] === meant[i] && typed[i] === meant[i + 1] && typed[i] !== typed[i + 1])
    return 'transposition';
  return nearLetters(typed[i] ?? '', meant[i] ?? '') ? 'near' : 'substitution';
}

/**
 * True when `typed` is `meant` with two adjacent letters left out that occur again within the
 * next three letters: the eye skipped a repeated syllable (pelaksa[na]an, perenc[an]aan).
 */
function skippedPair(typed: string, meant: string): boolean {
  if (meant.length !== typed.length + 2) return false;
  for (let i = 0; i + 2 <= meant.length; i++) {
    if (meant.slice(0, i) + meant.slice(i + 2) !== typed) continue;
    const after = meant.slice(i + 2, i + 5);
    if (after.includes(meant[i]!) && after.includes(meant[i + 1]!)) return true;
  }
  return false;
}

/** True when `short` is `long` with letters left out (pelaksaan ⊂ pelaksanaan). */
export function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}
