/**
 * Signature blocks printed side by side. The PDF reader writes a wide gap inside a line as a
 * tab, so "CAMAT X<TAB>SEKRETARIS Y" holds two columns; a line without a tab belongs to the
 * column its position falls in. Each column is then read top to bottom on its own, which
 * pairs every title with the name under it.
 */
import type { LineBlock } from '../ir/document.js';

/** Share of the page width right of which an untabbed line is in the right column. */
export const RIGHT_COLUMN_START = 0.55;

export interface SignatureLines {
  lines: string[];
  /** True when the lines come from positioned columns (titles may wrap over lines). */
  columns: boolean;
}

export function signatureColumns(
  blocks: readonly LineBlock[],
  pageWidth: (page: number) => number | undefined,
): SignatureLines {
  const positioned = blocks.some((b) => b.page !== null);
  if (!positioned) return spaceAlignedColumns(blocks);
  const left: string[] = [];
  const right: string[] = [];
  for (const b of blocks) {
    const parts = b.text
      .split('\t')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) {
      left.push('');
      right.push('');
    } else if (parts.length >= 2) {
      left.push(parts[0]!);
      right.push(parts.slice(1).join(' '));
    } else {
      const w = b.page !== null ? pageWidth(b.page) : undefined;
      const centre = b.bbox ? (b.bbox.x0 + b.bbox.x1) / 2 : b.indent;
      if (w && centre > w * RIGHT_COLUMN_START) right.push(parts[0]!);
      else left.push(parts[0]!);
    }
  }
  return { lines: [...left, '', ...right], columns: true };
}

/**
 * Share of the widest line (in characters) right of which a one-part line of text starts in the
 * right column: a right-hand title is centred in its column, so it may start before the middle.
 */
const RIGHT_TEXT_COLUMN_START = 0.4;

/** A gap of this many spaces inside a line of text separates two columns (`pdftotext -layout`). */
const COLUMN_GAP = /\S( {4,})\S/;

/**
 * Text without positions: when lines hold a wide gap of spaces (`pdftotext -layout` output),
 * the gap splits left and right column, and a line with one part falls in the column its
 * indent (in characters, against the widest line) points to. Otherwise the lines are kept as
 * they are (a dump printed one title or name per line).
 */
function spaceAlignedColumns(blocks: readonly LineBlock[]): SignatureLines {
  const texts = blocks.map((b) => b.text);
  if (!texts.some((t) => COLUMN_GAP.test(t.trim()))) return { lines: texts, columns: false };
  const width = Math.max(...blocks.map((b) => b.indent + b.text.trim().length));
  const left: string[] = [];
  const right: string[] = [];
  for (const b of blocks) {
    const parts = b.text
      .trim()
      .split(/ {4,}|\t/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) {
      left.push('');
      right.push('');
    } else if (parts.length >= 2) {
      left.push(parts[0]!);
      right.push(parts.slice(1).join(' '));
    } else if (b.indent > width * RIGHT_TEXT_COLUMN_START) right.push(parts[0]!);
    else left.push(parts[0]!);
  }
  return { lines: [...left, '', ...right], columns: true };
}
