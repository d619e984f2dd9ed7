/**
 * FORMULA_RESTATES_INDICATOR: the formulasi equals the indikator after lower-casing, turning
 * punctuation into spaces, collapsing whitespace and removing a leading "jumlah".
 */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote, rowPath } from '../paths.js';
import { isBlankCell, normaliseCell, normaliseWithoutJumlah } from '../wording.js';

export function formulaRestatesIndicator(section: SectionDraft): Flag[] {
  return section.indikator.flatMap((row, i) => {
    if (isBlankCell(row.indikator) || isBlankCell(row.formulasi)) return [];
    const indikator = row.indikator ?? '';
    const formulasi = row.formulasi ?? '';
    const core = normaliseWithoutJumlah(formulasi);
    if (core === '' || core !== normaliseWithoutJumlah(indikator)) return [];
    const onlyJumlah =
      normaliseCell(formulasi) !== normaliseCell(indikator) ? ' (apart from a leading "Jumlah")' : '';
    return [
      makeFlag(
        'FORMULA_RESTATES_INDICATOR',
        `${rowPath(i)}.formulasi`,
        `The formula ${quote(formulasi)} only repeats the indicator ${quote(indikator)}${onlyJumlah}.`,
        'State how the value is counted or computed.',
      ),
    ];
  });
}
