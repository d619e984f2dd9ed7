/**
 * Dates as printed in Indonesian government forms: "30 Mei 2018", "30-05-2018", "30/5/2018",
 * "Mei 2018", abbreviations ("Agt", "Des", "Sept"), English month names, and the blanks left for
 * a date to be filled in by hand (".....2019", "…… 2019", "   Januari 2019").
 */
import { isRealDate, toIsoDate } from './calendar.js';
import { isWeekday, monthNumber } from './months.js';

export type DatePart = 'day' | 'month' | 'year';

export interface DateParse {
  /** ISO date when day, month and year are all printed and form a real date. */
  iso: string | null;
  /** True when a filler (dots, ellipsis, underscores, a leading gap) stands where a part should be. */
  blank: boolean;
  year: number | null;
  month: number | null;
  day: number | null;
  /** The parts a filler stands for, in day-month-year order. */
  blankParts: DatePart[];
}

export interface PlaceDate {
  tempat: string;
  /** ISO date, null when the date is blank, incomplete or impossible. */
  tanggal: string | null;
  /** True when the day or month (or year) is blank or missing. */
  blank: boolean;
  /** The blank or missing parts, in day-month-year order. */
  blankParts: DatePart[];
  raw: string;
}

/** Years outside this range are not read as the year of a document date. */
export const MIN_DOCUMENT_YEAR = 1900;
export const MAX_DOCUMENT_YEAR = 2100;

/** Longest text (trimmed) read as a date; a date with a weekday and "tanggal" is under 40. */
export const MAX_DATE_CHARS = 80;

/** Longest place-and-date line; a longer line is prose, not a signing line. */
export const MAX_PLACE_DATE_LINE_CHARS = 120;

/** Most words in a place name ("Balantak Selatan", "Kota Baru Tengah"). */
export const MAX_PLACE_WORDS = 5;

/** Shortest run of spaces that reads as a gap left for a day ("Bontang,   Januari 2020"). */
export const MIN_GAP_SPACES = 2;

const NOT_A_DATE: DateParse = { iso: null, blank: false, year: null, month: null, day: null, blankParts: [] };

/** Words that may precede a date and carry nothing ("tanggal 30 Mei 2018"). */
const LEAD_WORDS: ReadonlySet<string> = new Set(['tanggal', 'tgl', 'pada', 'tahun']);

/**
 * Token classes: d day number, m month, y year, b filler, G wide gap before the first token
 * (a day left blank, or layout), g wide gap between tokens (usually layout).
 */
type TokenClass = 'd' | 'm' | 'y' | 'b' | 'g' | 'G';
interface Token {
  cls: TokenClass;
  value: number | null;
}

/**
 * Which parts each token of a recognised shape fills. A filler token ('b') may stand for several
 * parts (".....2019" leaves day and month blank). Parts not named are missing.
 */
const SHAPES: ReadonlyMap<string, DatePart[][]> = new Map([
  ['dmy', [['day'], ['month'], ['year']]],
  ['mdy', [['month'], ['day'], ['year']]],
  ['dm', [['day'], ['month']]],
  ['md', [['month'], ['day']]],
  ['my', [['month'], ['year']]],
  ['m', [['month']]],
  ['y', [['year']]],
  ['bmy', [['day'], ['month'], ['year']]],
  ['bm', [['day'], ['month']]],
  ['by', [['day', 'month'], ['year']]],
  ['b', [['day', 'month', 'year']]],
  ['dby', [['day'], ['month'], ['year']]],
  ['dmb', [['day'], ['month'], ['year']]],
  ['db', [['day'], ['month', 'year']]],
  ['mb', [['month'], ['year']]],
  ['bmb', [['day'], ['month'], ['year']]],
]);

const NUMERIC_DMY = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})\.?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIndonesianDate(s: string): DateParse {
  // Longer text is prose that may merely contain a date; reading its start would invent one.
  if (s.trim().length > MAX_DATE_CHARS) return NOT_A_DATE;
  const text = cleanDateText(s.trimEnd());
  const trimmed = text.trim();
  const numeric = NUMERIC_DMY.exec(trimmed);
  if (numeric) return complete(Number(numeric[1]), Number(numeric[3]), Number(numeric[4]));
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return complete(Number(iso[3]), Number(iso[2]), Number(iso[1]));

  const tokens = tokenize(text);
  if (tokens === null || tokens.length === 0) return NOT_A_DATE;
  return interpret(tokens) ?? NOT_A_DATE;
}

/**
 * A signing line "Place, date": "Balantak Selatan, .....2019", "Belawang, 30 Mei 2018",
 * "Bontang,   Januari 2020". Null for anything else: the place must be a short capitalised name
 * and the part after the comma a date or a blank date (a bare year is not enough).
 */
export function parsePlaceDateLine(line: string): PlaceDate | null {
  if (line.length > MAX_PLACE_DATE_LINE_CHARS * 2) return null;
  const text = line
    .replace(/\*\*|<\/?[a-z]+>/gi, '')
    .replace(/\u00a0/g, ' ')
    .replace(/^\s*(?:ditetapkan|dikeluarkan|dibuat)\s+di\s*:?\s*/i, '')
    .trimEnd();
  if (text.trim().length > MAX_PLACE_DATE_LINE_CHARS) return null;
  // The first comma usually ends the place; the last one when the place itself has a comma
  // ("Kota Baru, Kalimantan Selatan, 30 Mei 2018").
  const first = text.indexOf(',');
  const last = text.lastIndexOf(',');
  for (const comma of first === last ? [first] : [first, last]) {
    const found = placeAndDate(text, comma, line);
    if (found !== null) return found;
  }
  return null;
}

function placeAndDate(text: string, comma: number, raw: string): PlaceDate | null {
  if (comma <= 0) return null;
  const tempat = text.slice(0, comma).trim().replace(/\s+/g, ' ');
  if (!isPlaceName(tempat)) return null;

  const date = parseIndonesianDate(text.slice(comma + 1));
  const evidence = date.month !== null || date.day !== null || date.blank;
  if (!evidence) return null;

  const blankParts: DatePart[] = [];
  if (date.iso === null) {
    if (date.day === null) blankParts.push('day');
    if (date.month === null) blankParts.push('month');
    if (date.year === null) blankParts.push('year');
  }
  return { tempat, tanggal: date.iso, blank: blankParts.length > 0, blankParts, raw };
}

/** A place name: 1–5 words, each capitalised ("Balantak Selatan", "Kab. Barito Kuala", "BELAWANG"). */
function isPlaceName(s: string): boolean {
  if (s === '') return false;
  const words = s.split(' ');
  if (words.length > MAX_PLACE_WORDS) return false;
  return words.every((w) => /^\p{Lu}[\p{L}'’.-]*,?$/u.test(w) && monthNumber(w.replace(/,$/, '')) === null);
}

function cleanDateText(s: string): string {
  return (
    s
      .replace(/\*\*|<\/?[a-z]+>/gi, '')
      .replace(/\u00a0/g, ' ')
      // The era after a year ("2 Januari 2023 M", "1444 H"): Masehi is the calendar read here.
      .replace(/((?:19|20)\d\d)\s*M\.?\s*$/, '$1')
      .trimEnd()
  );
}

function complete(day: number, month: number, year: number): DateParse {
  const inRange = year >= MIN_DOCUMENT_YEAR && year <= MAX_DOCUMENT_YEAR;
  return {
    iso: inRange && isRealDate(year, month, day) ? toIsoDate(year, month, day) : null,
    blank: false,
    year: inRange ? year : null,
    month: month >= 1 && month <= 12 ? month : null,
    day: day >= 1 && day <= 31 ? day : null,
    blankParts: [],
  };
}

/** Splits into classified tokens; null when a token cannot belong to a date. */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  const re = /(\s+)|([.…_·\-–—]{2,}|…)|(\d+)|(\p{L}[\p{L}'’]*\.?)|([,./\-–])|(.)/suy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const [, space, filler, digits, word, , other] = m;
    if (space !== undefined) {
      if (space.length >= MIN_GAP_SPACES) tokens.push({ cls: tokens.length === 0 ? 'G' : 'g', value: null });
    } else if (filler !== undefined) {
      tokens.push({ cls: 'b', value: null });
    } else if (digits !== undefined) {
      const n = Number(digits);
      if (digits.length <= 2 && n >= 1 && n <= 31) tokens.push({ cls: 'd', value: n });
      else if (digits.length === 4 && n >= MIN_DOCUMENT_YEAR && n <= MAX_DOCUMENT_YEAR) {
        tokens.push({ cls: 'y', value: n });
      } else return null;
    } else if (word !== undefined) {
      const month = monthNumber(word);
      if (month !== null) tokens.push({ cls: 'm', value: month });
      else if (!isWeekday(word.replace(/\.$/, '')) && !LEAD_WORDS.has(word.toLowerCase())) return null;
    } else if (other !== undefined) {
      return null;
    }
    if (re.lastIndex >= text.length) break;
  }
  return tokens;
}

const FILLER: Token = { cls: 'b', value: null };

function interpret(tokens: Token[]): DateParse | null {
  // A leading gap first reads as a blank day ("   Januari 2019"); a gap between tokens is
  // usually layout and reads as a blank only when nothing else fits ("30      2019").
  const candidates = [
    tokens.filter((t) => t.cls !== 'g').map((t) => (t.cls === 'G' ? FILLER : t)),
    tokens.filter((t) => t.cls !== 'g' && t.cls !== 'G'),
    tokens.map((t) => (t.cls === 'g' || t.cls === 'G' ? FILLER : t)),
  ];
  for (const candidate of candidates.map(mergeFillers)) {
    const shape = SHAPES.get(candidate.map((t) => t.cls).join(''));
    if (shape !== undefined) return fill(candidate, shape);
  }
  return null;
}

function mergeFillers(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => !(t.cls === 'b' && tokens[i - 1]?.cls === 'b'));
}

function fill(tokens: Token[], shape: DatePart[][]): DateParse {
  const value: Record<DatePart, number | null> = { day: null, month: null, year: null };
  const blanks = new Set<DatePart>();
  tokens.forEach((t, i) => {
    for (const part of shape[i] ?? []) {
      if (t.cls === 'b') blanks.add(part);
      else value[part] = t.value;
    }
  });
  const { day, month, year } = value;
  const iso = day !== null && month !== null && year !== null && isRealDate(year, month, day);
  const blankParts = (['day', 'month', 'year'] as const).filter((p) => blanks.has(p));
  return {
    iso: iso ? toIsoDate(year, month, day) : null,
    blank: blankParts.length > 0,
    year,
    month,
    day,
    blankParts,
  };
}
