/**
 * Page furniture: page numbers and the like that a printed page carries ("Halaman 2 dari 5",
 * "- 3 -", "Page 5 of 9", a form feed). They belong to no form; left in, a flattened table's
 * decoder puts them in a cell. Every format's lines go through this before segmentation; a
 * dropped line stays as an empty line, so blank-line structure and line numbers are kept.
 */
import type { Block } from '../ir/document.js';

const PAGE_FURNITURE =
  /^[\s\f]*(?:(?:halaman|hal\.?|page)\s*:?\s*\d{1,4}(?:\s*(?:dari|of|\/)\s*\d{1,4})?|-\s*\d{1,4}\s*-|\f)[\s\f]*$/i;

export function isPageFurniture(line: string): boolean {
  return PAGE_FURNITURE.test(line);
}

export function dropPageFurniture(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => (b.kind === 'line' && isPageFurniture(b.text) ? { ...b, text: '' } : b));
}
