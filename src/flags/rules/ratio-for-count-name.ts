/** RATIO_FOR_COUNT_NAME: the indikator is named "Jumlah …" but its formula is a ratio × 100. */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote, rowPath } from '../paths.js';
import { startsWithJumlah } from '../wording.js';

export function ratioForCountName(section: SectionDraft): Flag[] {
  return section.indikator.flatMap((row, i) => {
    const f = row.formula;
    if (f === null || f.kind !== 'ratio' || f.scale !== 100 || !startsWithJumlah(row.indikator)) return [];
    return [
      makeFlag(
        'RATIO_FOR_COUNT_NAME',
        `${rowPath(i)}.formula`,
        `Indikator ${quote(row.indikator ?? '')} is named as a count (Jumlah …) but its formula is a ratio × 100.`,
        'Rename the indikator to Persentase … or change the formula to a plain count.',
      ),
    ];
  });
}
