/** TARGET_EXCEEDS_100_PERCENT: satuan "%" and a target above 100. */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { rowPath } from '../paths.js';
import { formatTarget, targetNumber } from '../targets.js';

/** The largest value a percentage target can take. */
export const MAX_PERCENT = 100;

export function targetExceeds100Percent(section: SectionDraft): Flag[] {
  return section.indikator.flatMap((row, i) => {
    if (row.satuan !== '%') return [];
    return Object.entries(row.target).flatMap(([year, value]) => {
      const n = targetNumber(value);
      if (n === null || n <= MAX_PERCENT) return [];
      return [
        makeFlag(
          'TARGET_EXCEEDS_100_PERCENT',
          `${rowPath(i)}.target.${year}`,
          `Percentage target ${formatTarget(value)} for ${year} is above ${MAX_PERCENT}.`,
          `Check the target; a percentage cannot exceed ${MAX_PERCENT} (the figure may be a count).`,
        ),
      ];
    });
  });
}
