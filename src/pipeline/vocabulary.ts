/**
 * The document's own vocabulary: words seen in the middle of a printed line (so the halves of a
 * word broken at a line end do not count). It decides which line-broken fragments are one word.
 */
import type { Block } from '../ir/document.js';

export function documentVocabulary(blocks: readonly Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of blocks) {
    if (b.kind === 'line') addLine(counts, b.text);
    else
      for (const r of b.rows)
        for (const c of r.cells) for (const l of c.text.split(/\n|<br\s*\/?>/i)) addLine(counts, l);
  }
  return counts;
}

/** Counts the words of a line except its first and last (which may be halves of a broken word). */
function addLine(counts: Map<string, number>, line: string): void {
  const toks = line.split(/[^A-Za-zÀ-ÿ]+/).filter(Boolean);
  for (let i = 1; i < toks.length - 1; i++) {
    const w = toks[i]!.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
}
