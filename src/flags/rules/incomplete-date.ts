/** INCOMPLETE_DATE: a place-and-date line whose day or month is blank (".....2019", "   Januari 2019"). */
import type { Flag } from '../../contract/schema.js';
import { parseIndonesianDate, parsePlaceDateLine, type DatePart } from '../../dates/indonesian.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote } from '../paths.js';

export function incompleteDate(section: SectionDraft): Flag[] {
  const line = section.meta.dateLine;
  if (line === null || line.trim() === '') return [];
  const parts = blankParts(line);
  if (!parts.includes('day') && !parts.includes('month')) return [];
  return [
    makeFlag(
      'INCOMPLETE_DATE',
      'tanggal',
      `Place-and-date line ${quote(line)} has a blank ${joinParts(parts)}.`,
      'Fill in the signing date.',
    ),
  ];
}

function blankParts(line: string): DatePart[] {
  const parsed = parsePlaceDateLine(line);
  if (parsed !== null) return parsed.blankParts;
  // Upstream already judged this the place-and-date line; when its place is unusual
  // (lower-case, long), still read the date after the comma, but only an explicit blank counts.
  const comma = line.indexOf(',');
  return parseIndonesianDate(comma >= 0 ? line.slice(comma + 1) : line).blankParts;
}

function joinParts(parts: DatePart[]): string {
  return parts.length <= 1 ? (parts[0] ?? 'date') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
