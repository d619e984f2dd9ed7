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
  return splitColumns(blocks, /\t/, (b) => {
    const w = b.page !== null ? pageWidth(b.page) : undefined;
    const centre = b.bbox ? (b.bbox.x0 + b.bbox.x1) / 2 : b.indent;
    return !!w && centre > w * RIGHT_COLUMN_START;
  });
}

/**
 * Left and right column read top to bottom: a line split by `gap` holds both (its first part
 * left), a one-part line goes where `inRight` says, an empty line ends a block in both.
 */
function splitColumns(
  blocks: readonly LineBlock[],
  gap: RegExp,
  inRight: (b: LineBlock) => boolean,
): SignatureLines {
  const left: string[] = [];
  const right: string[] = [];
  for (const b of blocks) {
    const parts = b.text
      .split(gap)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) {
      left.push('');
      right.push('');
    } else if (parts.length >= 2) {
      left.push(parts[0]!);
      right.push(parts.slice(1).join(' '));
    } else if (inRight(b)) right.push(parts[0]!);
    else left.push(parts[0]!);
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
  return splitColumns(blocks, / {4,}|\t/, (b) => b.indent > width * RIGHT_TEXT_COLUMN_START);
}
