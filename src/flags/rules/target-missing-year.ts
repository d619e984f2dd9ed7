/** TARGET_MISSING_YEAR: the table has a year column and this row's cell for it is empty. */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { rowLabel, rowPath } from '../paths.js';
import { isEmptyTarget } from '../targets.js';

export function targetMissingYear(section: SectionDraft): Flag[] {
  const years = [...new Set(section.meta.yearColumns)];
  return section.indikator.flatMap((row, i) =>
    years
      .filter((year) => isEmptyTarget(row.target[year]))
      .map((year) =>
        makeFlag(
          'TARGET_MISSING_YEAR',
          `${rowPath(i)}.target.${year}`,
          `${capitalise(rowLabel(row, i))} has no target for ${year}, although the table has a ${year} column.`,
          `Fill in the target for ${year}.`,
        ),
      ),
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
