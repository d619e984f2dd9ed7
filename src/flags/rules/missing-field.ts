/** MISSING_FIELD: a required cell (indikator, formulasi, sumberData) is empty after spans are carried down. */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { rowLabel, rowPath } from '../paths.js';
import { isBlankCell } from '../wording.js';

const WHAT: Record<'indikator' | 'formulasi' | 'sumberData', { cell: string; suggestion: string }> = {
  indikator: {
    cell: 'indikator (indicator name)',
    suggestion: 'Fill in the indicator name from the source.',
  },
  formulasi: {
    cell: 'formulasi (formula/explanation)',
    suggestion: 'Add the calculation formula for this indicator.',
  },
  sumberData: { cell: 'sumberData (data source)', suggestion: 'Name the data source for this indicator.' },
};

export function missingField(section: SectionDraft): Flag[] {
  return section.indikator.flatMap((row, i) => {
    const empty = {
      indikator: isBlankCell(row.indikator),
      formulasi: isBlankCell(row.formulasi),
      sumberData: row.sumberData.every((s) => isBlankCell(s)),
    };
    return (['indikator', 'formulasi', 'sumberData'] as const)
      .filter((field) => empty[field])
      .map((field) =>
        makeFlag(
          'MISSING_FIELD',
          `${rowPath(i)}.${field}`,
          `The ${WHAT[field].cell} cell of ${rowLabel(row, i)} is empty.`,
          WHAT[field].suggestion,
        ),
      );
  });
}
