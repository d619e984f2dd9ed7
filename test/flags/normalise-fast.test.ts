/** normaliseCell's ASCII path gives what the Unicode class gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCell } from '../../src/flags/wording.js';

const reference = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('normaliseCell', () => {
  it('matches the Unicode definition on ASCII and non-ASCII text', () => {
    const piece = fc.constantFrom('Jumlah', 'A', ' ', '-', '9', '²', 'é', 'İ', '\u212a', '.', '_', '\u00a0');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 15 }).map((a) => a.join('')),
          fc.string(),
        ),
        (t) => {
          expect(normaliseCell(t)).toBe(reference(t));
        },
      ),
      { numRuns: 3000 },
    );
    expect(normaliseCell('Jumlah  Laporan (LKIP)!')).toBe('jumlah laporan lkip');
  });
});
