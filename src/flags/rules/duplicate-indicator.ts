/** DUPLICATE_INDICATOR: the same normalised indikator as an earlier row of the section (the later row is flagged). */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote, rowLabel, rowPath } from '../paths.js';
import { isBlankCell, normaliseCell } from '../wording.js';

export function duplicateIndicator(section: SectionDraft): Flag[] {
  const firstSeen = new Map<string, number>();
  const flags: Flag[] = [];
  section.indikator.forEach((row, i) => {
    if (isBlankCell(row.indikator)) return;
    const key = normaliseCell(row.indikator ?? '');
    const earlier = firstSeen.get(key);
    if (earlier === undefined) {
      firstSeen.set(key, i);
      return;
    }
    const earlierRow = section.indikator[earlier];
    flags.push(
      makeFlag(
        'DUPLICATE_INDICATOR',
        `${rowPath(i)}.indikator`,
        `Indicator ${quote(row.indikator ?? '')} repeats ${earlierRow ? rowLabel(earlierRow, earlier) : rowPath(earlier)} of this section.`,
        'Check whether this row was copied by mistake; remove it or give it its own indicator.',
      ),
    );
  });
  return flags;
}
