/** PERCENT_NAME_NOT_RATIO: the indikator starts with a percent word but its formula is not a ratio. */
import type { Flag, FormulaKind } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote, rowPath } from '../paths.js';
import { firstWord, startsWithPercentWord } from '../wording.js';

const KIND_DESCRIPTION: Record<FormulaKind, string> = {
  ratio: 'a ratio',
  count: 'a plain count',
  sum: 'an arithmetic expression',
  score: 'a score read from an assessment',
  text: 'a description',
};

export function percentNameNotRatio(section: SectionDraft): Flag[] {
  return section.indikator.flatMap((row, i) => {
    // A row without a formula is already reported by MISSING_FIELD; there is no kind to judge.
    if (row.formula === null || row.formula.kind === 'ratio' || !startsWithPercentWord(row.indikator))
      return [];
    const word = firstWord(row.indikator) ?? '';
    const name = word.charAt(0).toUpperCase() + word.slice(1);
    return [
      makeFlag(
        'PERCENT_NAME_NOT_RATIO',
        `${rowPath(i)}.formula`,
        `The indicator is named "${name} …" but its formula ${quote(row.formulasi ?? '')} is ` +
          `${KIND_DESCRIPTION[row.formula.kind]}, not a ratio.`,
        'Give the formula as a ratio (the part divided by the whole × 100%), or rename the indicator if it is not a percentage.',
      ),
    ];
  });
}
