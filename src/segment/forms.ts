/**
 * Segmentation: reading-order blocks → one segment per IKI/IKU form. A form starts at a
 * "Lampiran …" line, a title ("INDIKATOR KINERJA …") or a "Jabatan :" line once the current
 * form already has its own jabatan or table. A heading with nothing after it is not a form.
 */
import type { Block } from '../ir/document.js';
import { isHeadingLine, isJabatanLine, isLampiranLine, isTitleLine, lineText } from './line-kinds.js';

export interface FormSegment {
  blocks: Block[];
  /** The printed title, whitespace-normalised; null when the form has none. */
  title: string | null;
  hasJabatan: boolean;
  hasTable: boolean;
}

export interface Segmentation {
  segments: FormSegment[];
  /** Text outside any form that is worth a reviewer's look (e.g. a trailing lone heading). */
  leftovers: string[];
}

function hasBody(s: FormSegment): boolean {
  return s.hasJabatan || s.hasTable || s.blocks.some((b) => b.kind === 'line' && isHeadingLine(b.text));
}

export function segmentForms(blocks: readonly Block[]): Segmentation {
  const segments: FormSegment[] = [];
  const leftovers: string[] = [];
  let cur = null as FormSegment | null;
  let prevNonEmpty = '';
  const open = (): FormSegment => {
    cur = { blocks: [], title: null, hasJabatan: false, hasTable: false };
    segments.push(cur);
    return cur;
  };
  for (const b of blocks) {
    if (b.kind === 'table') {
      (cur ?? open()).hasTable = true;
      cur!.blocks.push(b);
      continue;
    }
    const text = b.text;
    if (!text.trim()) {
      cur?.blocks.push(b);
      continue;
    }
    let seg: FormSegment | null = cur;
    if (isLampiranLine(text)) {
      if (!seg || hasBody(seg) || seg.title) seg = open();
    } else if (isTitleLine(text) && !isHeadingLine(prevNonEmpty)) {
      if (!seg || hasBody(seg)) seg = open();
      if (!seg.title) seg.title = lineText(text).replace(/^[-•*\d.)\s]+/, '');
    } else if (isJabatanLine(text)) {
      if (!seg || seg.hasJabatan || seg.hasTable) seg = open();
      seg.hasJabatan = true;
    } else if (seg && !seg.hasTable && isHeadingLine(text)) {
      // A flattened table heading counts as the table's start.
      seg.hasTable = true;
    }
    if (seg) seg.blocks.push(b);
    prevNonEmpty = text;
  }
  // A title with no jabatan and no table after it is not a form: keep it as leftover text.
  const kept = segments.filter((s) => {
    if (s.hasJabatan || s.hasTable) return true;
    const words = s.blocks
      .filter((b) => b.kind === 'line' && b.text.trim())
      .map((b) => (b.kind === 'line' ? lineText(b.text) : ''));
    leftovers.push(words.join(' '));
    return false;
  });
  return { segments: kept, leftovers };
}
