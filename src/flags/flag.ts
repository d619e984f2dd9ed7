/** Building a flag; severities are fixed per code by the output contract. */
import type { Flag, FlagCode, FlagSeverity } from '../contract/schema.js';

export const SEVERITY = {
  MISSING_FIELD: 'warning',
  PERCENT_NAME_NOT_RATIO: 'warning',
  RATIO_FOR_COUNT_NAME: 'warning',
  TARGET_EXCEEDS_100_PERCENT: 'error',
  TARGET_UNIT_MISMATCH: 'warning',
  TARGET_MISSING_YEAR: 'warning',
  FORMULA_RESTATES_INDICATOR: 'info',
  DUPLICATE_INDICATOR: 'warning',
  INVALID_NIP: 'error',
  UNSIGNED: 'warning',
  INCOMPLETE_DATE: 'warning',
  SPELLING_VARIANT: 'info',
  LOW_OCR_CONFIDENCE: 'warning',
  UNPARSED_TEXT: 'info',
} as const satisfies Partial<Record<FlagCode, FlagSeverity>>;

export type SectionFlagCode = keyof typeof SEVERITY;

export function makeFlag(
  code: SectionFlagCode,
  path: string | null,
  message: string,
  suggestion: string | null,
): Flag {
  return { code, severity: SEVERITY[code], path, message, suggestion };
}
