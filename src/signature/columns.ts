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
  if (!positioned) return { lines: blocks.map((b) => b.text), columns: false };
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
