/**
 * Builds the SectionDraft a gold section implies: the section without its flags, and the meta
 * the printed form must have had (year columns, carried sasaran, signature lines, date line).
 */
import type { Section } from '../../src/contract/schema.js';
import { INDONESIAN_MONTH_NAMES } from '../../src/dates/months.js';
import type { SectionDraft } from '../../src/ir/section.js';

/**
 * A gold section with tempat and no tanggal had a blank date line; gold does not keep its year,
 * which no rule reads, so any year serves.
 */
const BLANK_DATE_YEAR = 2019;

export function draftFromGold(section: Section): SectionDraft {
  const { flags: _flags, ...rest } = section;
  const yearColumns = [...new Set(section.indikator.flatMap((row) => Object.keys(row.target)))];
  const sasaranCarried = section.indikator.map(
    (row, i) => i > 0 && row.sasaran !== null && row.sasaran === section.indikator[i - 1]?.sasaran,
  );
  const signatureLines = section.penandatangan.map((p) => p.nama ?? '-----');
  return {
    ...rest,
    meta: {
      dateLine: dateLine(section),
      yearColumns,
      signatureLines,
      sasaranCarried,
      unparsed: [],
      lowConfidence: [],
    },
  };
}

function dateLine(section: Section): string | null {
  if (section.tempat === null) return null;
  if (section.tanggal === null) return `${section.tempat}, .....${BLANK_DATE_YEAR}`;
  const [y, m, d] = section.tanggal.split('-').map(Number);
  return `${section.tempat}, ${d} ${INDONESIAN_MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}
