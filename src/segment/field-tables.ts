/**
 * Form fields laid out as a table: Word users often align "Jabatan : …", "Tugas : …" and
 * "Fungsi : …" in a borderless table ("| 1. | Jabatan | : | Kepala Seksi |"). Such a table is no
 * indicator table; it is read as the lines a typed form prints ("1. Jabatan : Kepala Seksi"), so
 * the header stage finds its fields whatever the format (markdown, tab export, .docx, PDF grid).
 * Signature blocks laid out side by side in a table ("| Atasan Langsung | Pegawai yang Dinilai |",
 * titles, names, NIPs) are read the same way, column after column, as the signature stage reads
 * side-by-side printed columns.
 */
import type { Block, LineBlock, TableBlock } from '../ir/document.js';
import { extractNip } from '../nip/decode.js';
import { stripMarkup } from '../text/clean.js';

/** Most non-empty cells of a row of form fields: number, label, colon, value. */
const MAX_FIELD_CELLS = 4;
/** Share of a field table's rows that hold a "label : value" pair. */
const FIELD_ROW_SHARE = 0.6;
/** Longest label (with its number) before the colon. */
const MAX_LABEL_CHARS = 40;

/** The lines of a table of form fields, each line break of a value a line of its own; null for any other table. */
export function formFieldLines(table: TableBlock): string[] | null {
  const filled = table.rows
    .map((r) => r.cells.map((c) => stripMarkup(c.text).trim()).filter(Boolean))
    .filter((c) => c.length);
  if (filled.length === 0 || filled.some((c) => c.length > MAX_FIELD_CELLS)) return null;
  const labelled = filled.filter((c) => {
    // "Jabatan | : Kepala Seksi", "Jabatan | : | Kepala Seksi" or "Jabatan : | Kepala Seksi".
    const colon = c.findIndex((t, k) => k > 0 && t.startsWith(':'));
    if (colon > 0) return colon <= 2 && c.slice(0, colon).join(' ').length <= MAX_LABEL_CHARS;
    const label = c.findIndex((t) => /\S\s*:$/.test(t));
    return (
      label >= 0 &&
      label <= 1 &&
      label < c.length - 1 &&
      c.slice(0, label + 1).join(' ').length <= MAX_LABEL_CHARS
    );
  });
  if (labelled.length < FIELD_ROW_SHARE * filled.length) return null;
  return filled.flatMap((c) =>
    c
      .join(' ')
      .replace(/\s+:/, ' :')
      .split(/\n|<br\s*\/?>/i)
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

/** Most columns of a table of signature blocks. */
const MAX_SIGNATURE_COLUMNS = 4;

/** The lines of a table of signature blocks, column by column, a blank line between columns; null for any other table. */
export function signatureTableLines(table: TableBlock): string[] | null {
  const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
  if (width === 0 || width > MAX_SIGNATURE_COLUMNS) return null;
  if (
    !table.rows.some((r) =>
      r.cells.some((c) => c.text.split(/\n|<br\s*\/?>/i).some((l) => extractNip(l) !== null)),
    )
  )
    return null;
  // Nothing but signature material: no cell is a long text (an indicator or a formula).
  if (table.rows.some((r) => r.cells.some((c) => c.text.length > 120))) return null;
  const out: string[] = [];
  for (let k = 0; k < width; k++) {
    if (k > 0) out.push('');
    for (const r of table.rows)
      for (const l of (r.cells[k]?.text ?? '').split(/\n|<br\s*\/?>/i)) if (l.trim()) out.push(l.trim());
  }
  return out;
}

export function fieldTablesAsLines(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.kind !== 'table') return [b];
    const lines = formFieldLines(b) ?? signatureTableLines(b);
    if (!lines) return [b];
    return lines.map((text): LineBlock => ({
      kind: 'line',
      text,
      lineNo: b.lineNo,
      page: b.page,
      bbox: b.bbox,
      indent: 0,
    }));
  });
}
