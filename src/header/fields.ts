/**
 * Header fields of one form: jabatan, Lampiran (SK attachment), periode, tugas and fungsi.
 * Input: the form's lines before its table; output: plain values per the contract.
 */
import type { Lampiran } from '../contract/schema.js';
import { parseIndonesianDate } from '../dates/indonesian.js';
import { cleanInline, hasListMarker, isBlankValue, stripListMarker } from '../text/clean.js';
import type { WordTest } from '../text/join.js';
import { joinLines } from '../text/join.js';
import { isJabatanLine, isLampiranLine, lineText } from '../segment/line-kinds.js';

export interface HeaderFields {
  jabatan: string | null;
  lampiran: Lampiran | null;
  periode: { dari: number; sampai: number } | null;
  tugas: string[];
  fungsi: string[];
  /** Lines the header stage did not take (reported as UNPARSED_TEXT when substantial). */
  unparsed: string[];
}

const FIELD_LINE =
  /^[\s\-•*\d.)]*(?:uraian\s+)?(tugas(?:\s+pokok)?(?:\s+dan\s+fungsi)?|fungsi)\s*:?\s*(.*)$/i;
const PERIODE =
  /\b(?:tahun|periode)\s*:?\s*((?:19|20)\d\d)\s*(?:-|–|—|s\.?\s*\/?\s*d\.?|sampai(?:\s+dengan)?)\s*((?:19|20)\d\d)\b/i;
/** The kind of act an attachment belongs to. */
const DECREE = /^(keputusan|peraturan|surat\s+keputusan|sk)\b/i;
/** Longest position name taken from the line under a bare "Jabatan :". */
const MAX_JABATAN_CHARS = 120;
const ROMAN_OR_NUMBER = /^(?:[IVXLC]+|\d{1,3}[a-z]?)$/i;

export function parseJabatan(raw: string): string | null {
  const m = /jabatan\s*:\s*(.*)$/i.exec(lineText(raw));
  if (!m) return null;
  const v = cleanInline(m[1]!);
  return isBlankValue(v) ? null : v;
}

export function parseLampiran(lines: readonly string[]): Lampiran | null {
  const idx = lines.findIndex((l) => isLampiranLine(l));
  if (idx < 0) return null;
  const first = lineText(lines[idx]!);
  const m = /^lampiran\s*:?\s*(\S+)?\s*(.*)$/i.exec(first);
  let label: string | null = null;
  let rest = first.replace(/^lampiran\s*:?\s*/i, '');
  if (m && m[1]) {
    const cand = m[1].replace(/[.:,]+$/, '');
    if (ROMAN_OR_NUMBER.test(cand)) {
      label = cand.toUpperCase();
      rest = m[2] ?? '';
    }
  }
  const window = lines
    .slice(idx, idx + 6)
    .map(lineText)
    .join(' ');
  let keputusan = cleanInline(rest.split(/\bNomor\b/i)[0] ?? '').replace(/^[.:,\s]+|[.:,\s]+$/g, '') || null;
  // "LAMPIRAN II" on a line of its own, the decree on the next: "PERATURAN BUPATI X".
  if (keputusan === null) {
    const next = lines
      .slice(idx + 1, idx + 4)
      .map(lineText)
      .find((l) => l);
    if (next && DECREE.test(next))
      keputusan = cleanInline(next.split(/\bNomor\b/i)[0] ?? '').replace(/[.:,\s]+$/g, '') || null;
  }
  const nomorM = /\bNomor\s*:?\s*([^\s,;]+)/i.exec(window);
  const tahunM = /\bNomor\s*:?\s*[^\s,;]+\s+Tahun\s+((?:19|20)\d\d)/i.exec(window);
  const tanggalM = /\bTanggal\s*:?\s*([^,;]{3,40}?(?:19|20)\d\d)/i.exec(window);
  const tanggal = tanggalM ? parseIndonesianDate(tanggalM[1]!).iso : null;
  let tahun = tahunM ? Number(tahunM[1]) : null;
  if (tahun === null && tanggal) tahun = Number(tanggal.slice(0, 4));
  return {
    label,
    keputusan,
    nomor: nomorM ? nomorM[1]!.replace(/[.:]+$/, '') : null,
    tahun,
    tanggal,
  };
}

export function parsePeriode(lines: readonly string[]): { dari: number; sampai: number } | null {
  for (const l of lines) {
    const m = PERIODE.exec(lineText(l));
    if (m) {
      const dari = Number(m[1]);
      const sampai = Number(m[2]);
      if (sampai >= dari && sampai - dari <= 10) return { dari, sampai };
    }
  }
  return null;
}

/** Turn printed list lines into items: a marker starts an item, an unmarked line continues it. */
export function listItems(lines: readonly string[], isWord: WordTest): string[] {
  const items: string[][] = [];
  for (const raw of lines) {
    const t = cleanInline(raw);
    if (!t) continue;
    if (hasListMarker(t) || items.length === 0) {
      const body = stripListMarker(t);
      items.push([body]);
    } else {
      items[items.length - 1]!.push(t);
    }
  }
  return items
    .map((parts) => joinLines(parts, isWord))
    .map((s) => s.trim())
    .filter((s) => !isBlankValue(s));
}

export function parseHeader(lines: readonly string[], isWord: WordTest): HeaderFields {
  let jabatan: string | null = null;
  const tugasLines: string[] = [];
  const fungsiLines: string[] = [];
  const unparsed: string[] = [];
  let field: 'tugas' | 'fungsi' | null = null;
  let jabatanNext = false; // "Jabatan :" printed with its value on the next line
  for (const raw of lines) {
    if (!raw.trim()) continue;
    if (isJabatanLine(raw)) {
      jabatan = parseJabatan(raw);
      jabatanNext = /jabatan\s*:\s*$/i.test(lineText(raw));
      field = null;
      continue;
    }
    if (jabatanNext) {
      jabatanNext = false;
      const value = cleanInline(lineText(raw));
      if (!FIELD_LINE.test(value) && !/:/.test(value) && value.length <= MAX_JABATAN_CHARS) {
        jabatan = value;
        continue;
      }
    }
    const fm = FIELD_LINE.exec(lineText(raw));
    if (fm && /:/.test(raw)) {
      field = fm[1]!.toLowerCase().startsWith('fungsi') ? 'fungsi' : 'tugas';
      const inline = fm[2]!.trim();
      if (inline && !isBlankValue(inline)) (field === 'tugas' ? tugasLines : fungsiLines).push(inline);
      continue;
    }
    if (field === 'tugas') tugasLines.push(raw);
    else if (field === 'fungsi') fungsiLines.push(raw);
    else unparsed.push(lineText(raw));
  }
  return {
    jabatan,
    lampiran: parseLampiran(lines),
    periode: parsePeriode(lines),
    tugas: listItems(tugasLines, isWord),
    fungsi: listItems(fungsiLines, isWord),
    unparsed,
  };
}
