/**
 * Records: RawTables → contract rows. Cells are cleaned, spans carried down (the sasaran and
 * its number to the sub-rows; a sumber data or penanggung jawab cell printed once for the
 * whole table), the formula cell split into formulasi / penjelasan / catatan, targets read.
 */
import type { IndikatorRow } from '../contract/schema.js';
import { normaliseFormula } from '../formula/index.js';
import { bboxToTuple } from '../ir/geometry.js';
import {
  cleanInline,
  collapseWhitespace,
  hasListMarker,
  isBlankValue,
  stripListMarker,
} from '../text/clean.js';
import type { WordTest } from '../text/join.js';
import { joinLines } from '../text/join.js';
import type { FieldRole, RawRow, RawTable } from '../table/raw-row.js';
import { splitNumberedItems } from './numbered-items.js';

export interface RowsResult {
  rows: IndikatorRow[];
  sasaranCarried: boolean[];
  yearColumns: string[];
  lowConfidence: { path: string; confidence: number }[];
}

/** OCR confidence (0–100) under which a cell gets LOW_OCR_CONFIDENCE. */
export const LOW_OCR_CONFIDENCE_THRESHOLD = 60;

const FORMULA_LEAD = /^\s*(formula?s[a-z]{0,5}|formul[a-z]{2,8}|rumus(?:nya)?)\s*:\s*/i;
/** A sub-indicator's number printed in the indikator cell ("1.2 Jumlah patroli"): not part of its name. */
const SUB_NUMBER = /^\d{1,2}\.\d{1,2}\.?\s+(?=\p{Lu})/u;
const CATATAN = /\bcatatan\s*:\s*/i;
const BULLET = /^\s*[➢➤►•●▪■✓]\s*/;
const PERCENT_WORD = /^(p[a-z]{0,2}r?s[e]?ntas[ei])\b/i;

function joined(lines: string[] | undefined, isWord: WordTest): string {
  return lines ? joinLines(lines.map(cleanInline), isWord) : '';
}

function orNull(s: string): string | null {
  const t = collapseWhitespace(s);
  return isBlankValue(t) ? null : t;
}

/** "1." → "1"; "-" → null. */
function cleanNo(lines: string[] | undefined): string | null {
  const t = (lines ?? [])
    .join(' ')
    .trim()
    // A narrow NO column wraps "10." as "10" / ".".
    .replace(/\s+(?=[.)]+$)/, '')
    .replace(/[.)]+$/, '');
  return /^[0-9]{1,3}[a-z]?$/i.test(t) ? t : t && !isBlankValue(t) ? t : null;
}

/** Items of a list cell. Printed lines are list items only in markdown / tab exports. */
export function splitItems(lines: string[], wrapped: boolean, isWord: WordTest): string[] {
  const items: string[][] = [];
  for (const raw of lines) {
    const l = cleanInline(raw);
    if (!l || isBlankValue(l)) continue;
    if (!wrapped || hasListMarker(l) || items.length === 0) items.push([stripListMarker(l)]);
    else items[items.length - 1]!.push(l);
  }
  return items.map((p) => joinLines(p, isWord)).filter((s) => !isBlankValue(s));
}

function takeCatatan(text: string): { text: string; catatan?: string } {
  const m = CATATAN.exec(text);
  if (!m) return { text };
  return { text: text.slice(0, m.index).trim(), catatan: text.slice(m.index + m[0].length).trim() };
}

/** The formula cell: bullets, "Formulasinya :" → formulasi; the other bullets → penjelasan. */
export function splitFormulaCell(
  lines: string[],
  isWord: WordTest,
): { formulasi: string | null; penjelasan: string[]; catatan?: string } {
  const bullets: string[][] = [];
  for (const raw of lines) {
    const l = cleanInline(raw);
    if (!l) continue;
    if (BULLET.test(l) || FORMULA_LEAD.test(l) || bullets.length === 0) bullets.push([l.replace(BULLET, '')]);
    else bullets[bullets.length - 1]!.push(l);
  }
  let items = bullets.map((b) => joinLines(b, isWord));
  // "… penjelasan … Formulasinya : X" inside one bullet: split there.
  items = items.flatMap((it) => {
    const m = /\s(formula?s[a-z]{0,5}|formul[a-z]{2,8})\s*:\s*/i.exec(it);
    return m ? [it.slice(0, m.index).trim(), it.slice(m.index + 1).trim()] : [it];
  });
  let catatan: string | undefined;
  items = items.map((it) => {
    const c = takeCatatan(it);
    if (c.catatan) catatan = c.catatan;
    return c.text;
  });
  const fi = items.findIndex((it) => FORMULA_LEAD.test(it));
  if (fi >= 0) {
    const formulasi = orNull(items[fi]!.replace(FORMULA_LEAD, ''));
    const penjelasan = items.filter((_, i) => i !== fi).filter((s) => !isBlankValue(s));
    return catatan ? { formulasi, penjelasan, catatan } : { formulasi, penjelasan };
  }
  const formulasi = orNull(items.filter((s) => !isBlankValue(s)).join(' '));
  return catatan ? { formulasi, penjelasan: [], catatan } : { formulasi, penjelasan: [] };
}

function parseTarget(s: string): number | string {
  const t = s.trim().replace(/\s*%$/, '');
  if (/^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return s.trim();
}

function hasValue(row: RawRow, role: FieldRole): boolean {
  return (row.cells[role] ?? []).some((l) => !isBlankValue(cleanInline(l)));
}

/**
 * A column printed once for several rows: filled in the first row only, empty below. The PDF
 * path knows spans exactly (row.spans); text dumps only show the pattern.
 */
function carriedOnce(rows: RawRow[], role: FieldRole): boolean {
  if (rows.length < 2 || !rows[0] || !hasValue(rows[0], role)) return false;
  // A stray fragment the dump's decoding put in the column below must not hide the pattern.
  const others = rows.slice(1).filter((r) => hasValue(r, role)).length;
  const allowed = Math.floor(ONCE_STRAY_SHARE * (rows.length - 1));
  return others <= Math.max(rows.length >= ONCE_ONE_STRAY_ROWS ? 1 : 0, allowed);
}

/** From this many rows, one stray value below a once-printed cell is tolerated whatever the share. */
const ONCE_ONE_STRAY_ROWS = 4;

/** Share of the rows below a once-printed cell that may still show a value of their own. */
const ONCE_STRAY_SHARE = 0.15;

export function buildRows(tables: RawTable[], isWord: WordTest): RowsResult {
  const rows: IndikatorRow[] = [];
  const sasaranCarried: boolean[] = [];
  const lowConfidence: { path: string; confidence: number }[] = [];
  const yearColumns: string[] = [];
  for (const table of tables) {
    for (const y of table.years) if (!yearColumns.includes(y)) yearColumns.push(y);
    const hasNoColumn = table.roles.includes('no');
    const onceSumber = carriedOnce(table.rows, 'sumberData');
    const oncePj = carriedOnce(table.rows, 'penanggungJawab');
    let prev: IndikatorRow | null = null;
    const spanLeft: Partial<Record<FieldRole, { left: number; lines: string[] }>> = {};
    const tableRows = table.origin === 'flattened' ? table.rows : table.rows.flatMap(splitNumberedItems);
    for (const raw of tableRows) {
      // Exact spans from geometry.
      for (const [role, span] of Object.entries(spanLeft) as [
        FieldRole,
        { left: number; lines: string[] },
      ][]) {
        if (span.left > 0 && !hasValue(raw, role)) raw.cells[role] = span.lines;
        span.left--;
      }
      for (const [role, n] of Object.entries(raw.spans ?? {}) as [FieldRole, number][]) {
        spanLeft[role] = { left: n - 1, lines: raw.cells[role] ?? [] };
      }
      let no = cleanNo(raw.cells.no);
      let sasaran = orNull(stripListMarker(joined(raw.cells.sasaran, isWord)));
      const indikator = orNull(stripListMarker(joined(raw.cells.indikator, isWord)).replace(SUB_NUMBER, ''));
      const f = splitFormulaCell(raw.cells.formulasi ?? [], isWord);
      let sumberLines = raw.cells.sumberData ?? [];
      let catatan = f.catatan;
      const sumberJoined = sumberLines.join('\n');
      if (CATATAN.test(sumberJoined)) {
        const c = takeCatatan(sumberLines.map(cleanInline).join(' '));
        sumberLines = [c.text];
        catatan = c.catatan;
      }
      let sumberData = splitItems(sumberLines, table.wrappedLines, isWord);
      let penanggungJawab = orNull(joined(raw.cells.penanggungJawab, isWord));
      const anyMain = no || sasaran || indikator || f.formulasi || f.penjelasan.length;
      if (!anyMain && prev && (sumberData.length || penanggungJawab)) {
        // Continuation of the previous row's side cells (a row cut by a page break).
        prev.sumberData.push(...sumberData);
        if (penanggungJawab)
          prev.penanggungJawab = [prev.penanggungJawab, penanggungJawab].filter(Boolean).join(' ');
        continue;
      }
      if (!anyMain && !sumberData.length && !penanggungJawab && !Object.keys(raw.targets).length) continue;
      let carried = false;
      // A sub-number ("1.2" under "1") is a sub-row of the same sasaran, as a row without a number is.
      const subNumber = !!no && !!prev?.no && no.startsWith(`${prev.no.split('.')[0]}.`);
      if (prev && !sasaran && (!no || !hasNoColumn || subNumber) && (indikator || f.formulasi)) {
        sasaran = prev.sasaran;
        if (!no) no = prev.no;
        carried = sasaran !== null;
      }
      if (onceSumber && prev && sumberData.length === 0) sumberData = [...prev.sumberData];
      if (oncePj && prev && !penanggungJawab) penanggungJawab = prev.penanggungJawab;
      const target: Record<string, number | string> = {};
      for (const y of table.years) {
        const v = raw.targets[y];
        if (v !== undefined && !isBlankValue(v)) target[y] = parseTarget(v);
      }
      const formula = normaliseFormula(f.formulasi);
      const anyPercentPrinted = Object.values(raw.targets).some((v) => v.includes('%')) || table.percentYears;
      const hasTarget = Object.keys(target).length > 0;
      const satuanCell = orNull(joined(raw.cells.satuan, isWord));
      // The contract: no target, no satuan (even when a Satuan column prints one).
      const satuan = !hasTarget
        ? null
        : satuanCell
          ? satuanCell
          : anyPercentPrinted ||
              (formula?.kind === 'ratio' && formula.scale === 100) ||
              (indikator !== null && PERCENT_WORD.test(indikator))
            ? '%'
            : null;
      const row: IndikatorRow = {
        no: hasNoColumn ? no : null,
        sasaran,
        indikator,
        formulasi: f.formulasi,
        penjelasan: f.penjelasan,
        formula,
        target,
        satuan,
        penanggungJawab: table.roles.includes('penanggungJawab') ? penanggungJawab : null,
        sumberData,
        ...(catatan ? { catatan } : {}),
        provenance: { page: raw.page, bbox: raw.bbox ? bboxToTuple(raw.bbox) : null },
      };
      const i = rows.length;
      for (const [field, conf] of Object.entries(raw.confidence ?? {})) {
        if (conf < LOW_OCR_CONFIDENCE_THRESHOLD)
          lowConfidence.push({ path: `indikator[${i}].${field}`, confidence: conf });
      }
      rows.push(row);
      sasaranCarried.push(carried);
      prev = row;
    }
  }
  return { rows, sasaranCarried, yearColumns, lowConfidence };
}
