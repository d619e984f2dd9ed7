/**
 * Month and weekday names as printed in Indonesian government documents, with the English
 * names that appear in mixed documents and the old spellings (Pebruari, Nopember).
 */

/** Full month names → month number. */
const FULL_MONTHS: ReadonlyMap<string, number> = new Map([
  ['januari', 1],
  ['january', 1],
  ['februari', 2],
  ['pebruari', 2],
  ['february', 2],
  ['maret', 3],
  ['march', 3],
  ['april', 4],
  ['mei', 5],
  ['may', 5],
  ['juni', 6],
  ['june', 6],
  ['juli', 7],
  ['july', 7],
  ['agustus', 8],
  ['august', 8],
  ['september', 9],
  ['oktober', 10],
  ['october', 10],
  ['november', 11],
  ['nopember', 11],
  ['desember', 12],
  ['december', 12],
]);

/** Abbreviations (with or without a trailing dot). */
const ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['feb', 2],
  ['peb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['agt', 8],
  ['agu', 8],
  ['ags', 8],
  ['agus', 8],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['okt', 10],
  ['oct', 10],
  ['nov', 11],
  ['nop', 11],
  ['des', 12],
  ['dec', 12],
]);

/** Shortest token that may match a full month name with one typo (shorter words collide). */
export const MIN_FUZZY_MONTH_CHARS = 6;

/** Weekday names sometimes printed before a date ("Rabu, 30 Mei 2018"). */
const WEEKDAYS: ReadonlySet<string> = new Set([
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  "jum'at",
  'sabtu',
  'minggu',
  'ahad',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** The month a word names (1–12), or null. Tolerates one typo in a full name of 6+ letters ("Agustsu" is two). */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const exact = FULL_MONTHS.get(w) ?? ABBREVIATIONS.get(w);
  if (exact !== undefined) return exact;
  if (w.length < MIN_FUZZY_MONTH_CHARS) return null;
  for (const [name, month] of FULL_MONTHS) {
    if (Math.abs(name.length - w.length) <= 1 && withinOneEdit(name, w)) return month;
  }
  return null;
}

export function isWeekday(word: string): boolean {
  return WEEKDAYS.has(word.toLowerCase().replace(/[’`]/g, "'"));
}

/** Indonesian month names for printing a date ("30 Mei 2018"). */
export const INDONESIAN_MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** True when a and b differ by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    edits++;
    if (edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
