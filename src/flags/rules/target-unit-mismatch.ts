/**
 * TARGET_UNIT_MISMATCH: targets that cannot be in the row's unit: satuan "%" with every numeric
 * target between 1 and 5 (reads as a count), or a count formula whose targets print "%".
 */
import type { Flag, IndikatorRow } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { rowPath } from '../paths.js';
import { formatTarget, isEmptyTarget, printsPercent, targetNumber } from '../targets.js';
import { startsWithPercentWord } from '../wording.js';

/** Percentage targets in this range (inclusive) read as counts ("2" documents, not 2 %). */
export const COUNT_LIKE_MIN = 1;
export const COUNT_LIKE_MAX = 5;

export function targetUnitMismatch(section: SectionDraft): Flag[] {
  return section.indikator.flatMap((row, i) => {
    const message = countLikePercent(row) ?? percentForCount(row);
    if (message === null) return [];
    return [makeFlag('TARGET_UNIT_MISMATCH', `${rowPath(i)}.target`, message.text, message.suggestion)];
  });
}

interface Finding {
  text: string;
  suggestion: string;
}

function printedTargets(row: IndikatorRow): (number | string)[] {
  return Object.values(row.target).filter((v) => !isEmptyTarget(v));
}

function countLikePercent(row: IndikatorRow): Finding | null {
  if (row.satuan !== '%') return null;
  const numbers = printedTargets(row)
    .map(targetNumber)
    .filter((n): n is number => n !== null);
  if (numbers.length === 0 || !numbers.every((n) => n >= COUNT_LIKE_MIN && n <= COUNT_LIKE_MAX)) return null;
  const f = row.formula;
  const why =
    f?.kind === 'ratio' && f.scale === 100
      ? 'the formula is a ratio × 100'
      : startsWithPercentWord(row.indikator)
        ? 'the indicator is named as a percentage'
        : 'the unit is %';
  return {
    text: `Targets ${printedTargets(row).map(formatTarget).join(', ')} read as counts, not percentages, although ${why}.`,
    suggestion: 'Either express the targets as percentages or change the formula to a count.',
  };
}

function percentForCount(row: IndikatorRow): Finding | null {
  if (row.formula?.kind !== 'count') return null;
  const targets = printedTargets(row);
  if (targets.length === 0) return null;
  // Where the extractor kept "90%" as a number, satuan "%" on a row not named as a percentage
  // can only come from targets or a year header that print "%".
  const percentPrinted =
    targets.some(printsPercent) || (row.satuan === '%' && !startsWithPercentWord(row.indikator));
  if (!percentPrinted) return null;
  return {
    text: `Targets ${targets.map(formatTarget).join(', ')} are percentages, although the formula is a plain count.`,
    suggestion: 'Either give the formula as a ratio × 100% or express the targets as counts.',
  };
}
