/**
 * What a single printed line is, in the words of the form: a form title, a Lampiran line, a
 * "Jabatan :" line, … Used by segmentation and by the header stage.
 */
import { cleanInline } from '../text/clean.js';
import { columnsFromTokens, headerTokens, headingScore } from '../table/vocabulary.js';

const TITLE = /^#*\s*(INDIKATOR\s+KINERJA\b.*)$/i;
const TITLE_QUALIFIER = /\b(INDIVIDU|UTAMA|ES+ELON|KEGIATAN|PROGRAM|DAERAH|SASARAN|IKI|IKU)\b/i;
const LAMPIRAN = /^\s*lampiran\b/i;
const JABATAN = /^[\s\-•*\d.)]*(?:nama\s+)?jabatan\s*:/i;
/** "NOMOR 12 TAHUN 2021", "Nomor : 24 Tahun 2018": the decree's number, never a table heading. */
const DECREE_NUMBER = /^nomor\s*:?\s*\d/i;

/**
 * Line classification is asked many times per line (segmentation, header, table heading scans),
 * so answers are memoised per distinct line, in bounded caches.
 */
function memo<T>(f: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw: string) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const v = f(raw);
    if (cache.size >= LINE_CACHE_MAX) cache.clear();
    cache.set(raw, v);
    return v;
  };
}

/** Distinct lines remembered per classifier. */
const LINE_CACHE_MAX = 20_000;

export const lineText = memo((raw: string): string => cleanInline(raw.replace(/^#+\s*/, '')));

/** A form title: "INDIKATOR KINERJA INDIVIDU", "## INDIKATOR KINERJA UTAMA", "INDIKATOR KINERJA ESSELON IV". */
export const isTitleLine = memo((raw: string): boolean => {
  const t = lineText(raw).replace(/^[-•*\d.)\s]+/, '');
  const m = TITLE.exec(t);
  if (!m) return false;
  if (t.length > 90) return false;
  // Printed titles are upper case or markdown headings; "Indikator Kinerja Utama (IKU)" in a duty is neither.
  const upper = t.replace(/[^A-Za-z]/g, '');
  const upperShare = upper.length ? upper.replace(/[^A-Z]/g, '').length / upper.length : 0;
  return (upperShare > 0.8 || /^\s*#/.test(raw)) && TITLE_QUALIFIER.test(t);
});

export function isLampiranLine(raw: string): boolean {
  return LAMPIRAN.test(lineText(raw)) && lineText(raw).length < 200;
}

export function isJabatanLine(raw: string): boolean {
  return JABATAN.test(lineText(raw));
}

/** A line that is (part of) a table heading: mostly upper-case heading vocabulary. */
export const isHeadingLine = memo((raw: string): boolean => {
  const t = lineText(raw);
  if (!t || t.length > 160 || DECREE_NUMBER.test(t)) return false;
  const letters = t.replace(/[^A-Za-z]/g, '');
  if (!letters) return /^\s*((19|20)\d\d\s*)+$/.test(t);
  const upperShare = letters.replace(/[^A-Z]/g, '').length / letters.length;
  if (upperShare < 0.85) return isTitleCaseHeading(t);
  // Years alone with a word ("PERIODE 2021 - 2026") are no heading: a heading names a column.
  const { share, words } = headingScore(t);
  return share >= 0.6 && words > 0;
});

/** Column roles a heading in ordinary case must name at least two of. */
const COLUMN_ROLES = new Set([
  'no',
  'sasaran',
  'indikator',
  'formulasi',
  'target',
  'penanggungJawab',
  'sumberData',
]);

/**
 * A table heading printed in ordinary case on one line ("No Sasaran Indikator Kinerja Formulasi
 * Sumber Data"): nearly every word heading vocabulary, naming at least two columns, so that a
 * title ("Indikator Kinerja Individu") or a cell ("Sumber data") is not one.
 */
function isTitleCaseHeading(t: string): boolean {
  if (t.length > 160 || !/^\p{Lu}/u.test(t)) return false;
  const { share } = headingScore(t);
  if (share < 0.8) return false;
  const roles = new Set(columnsFromTokens(headerTokens(t)).map((c) => c.role));
  return [...roles].filter((r) => COLUMN_ROLES.has(r)).length >= 2;
}

/** Most words of a heading's last line in ordinary case ("Utama", "Data  Jawab"). */
const MAX_HEADING_REST_WORDS = 4;

/** A last heading line in ordinary case under the heading: a few words, every one heading vocabulary. */
export const isHeadingRest = memo((raw: string): boolean => {
  const words = lineText(raw).split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= MAX_HEADING_REST_WORDS &&
    words.every((w) => /^\p{Lu}/u.test(w)) &&
    headingScore(words.join(' ')).share === 1
  );
});

export type SectionKindName = 'IKI' | 'IKU' | 'IK-ESELON' | 'OTHER';

export function kindOfTitle(title: string): SectionKindName {
  const t = title.toUpperCase();
  if (/INDIVIDU|\bIKI\b/.test(t)) return 'IKI';
  if (/ES+ELON/.test(t)) return 'IK-ESELON';
  if (/UTAMA|\bIKU\b/.test(t)) return 'IKU';
  return 'OTHER';
}
