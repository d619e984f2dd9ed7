/**
 * The flags stage: runs every rule over a section draft and lists what a reviewer must look at,
 * in a stable order (rows by index, each row's flags in rule order; then signature blocks; then
 * the place-and-date line; then the rest). SPELLING_VARIANT lives in src/spelling/ and is passed
 * in as an extra rule.
 */
import type { Flag } from '../contract/schema.js';
import { IkiError } from '../errors.js';
import type { SectionDraft } from '../ir/section.js';
import { SEVERITY } from './flag.js';
import { sortFlags } from './paths.js';
import { duplicateIndicator } from './rules/duplicate-indicator.js';
import { formulaRestatesIndicator } from './rules/formula-restates-indicator.js';
import { incompleteDate } from './rules/incomplete-date.js';
import { invalidNip } from './rules/invalid-nip.js';
import { lowOcrConfidence } from './rules/low-ocr-confidence.js';
import { missingField } from './rules/missing-field.js';
import { percentNameNotRatio } from './rules/percent-name-not-ratio.js';
import { ratioForCountName } from './rules/ratio-for-count-name.js';
import { targetExceeds100Percent } from './rules/target-exceeds-100-percent.js';
import { targetMissingYear } from './rules/target-missing-year.js';
import { targetUnitMismatch } from './rules/target-unit-mismatch.js';
import { unparsedText } from './rules/unparsed-text.js';
import { unsigned } from './rules/unsigned.js';
import type { RuleInfo, SectionRule } from './types.js';

export type { RuleInfo, SectionRule } from './types.js';

/**
 * The section rules of this stage, in the order their flags are listed within a row: the
 * contract's order, except that MISSING_FIELD follows the other row rules (as the gold files
 * list a missing sumberData after the formula flag of the same row).
 */
export const RULES: readonly RuleInfo[] = [
  {
    code: 'PERCENT_NAME_NOT_RATIO',
    severity: SEVERITY.PERCENT_NAME_NOT_RATIO,
    description: 'The indicator is named Persentase/Prosentase … but its formula is not a ratio.',
    run: percentNameNotRatio,
  },
  {
    code: 'RATIO_FOR_COUNT_NAME',
    severity: SEVERITY.RATIO_FOR_COUNT_NAME,
    description: 'The indicator is named Jumlah … but its formula is a ratio × 100.',
    run: ratioForCountName,
  },
  {
    code: 'TARGET_EXCEEDS_100_PERCENT',
    severity: SEVERITY.TARGET_EXCEEDS_100_PERCENT,
    description: 'A percentage target is above 100.',
    run: targetExceeds100Percent,
  },
  {
    code: 'TARGET_UNIT_MISMATCH',
    severity: SEVERITY.TARGET_UNIT_MISMATCH,
    description: 'Targets cannot be in the row’s unit (percentages of 1–5, or "%" targets for a count).',
    run: targetUnitMismatch,
  },
  {
    code: 'TARGET_MISSING_YEAR',
    severity: SEVERITY.TARGET_MISSING_YEAR,
    description: 'The table has a year column but this row’s target for it is empty.',
    run: targetMissingYear,
  },
  {
    code: 'FORMULA_RESTATES_INDICATOR',
    severity: SEVERITY.FORMULA_RESTATES_INDICATOR,
    description: 'The formula only repeats the indicator’s name.',
    run: formulaRestatesIndicator,
  },
  {
    code: 'DUPLICATE_INDICATOR',
    severity: SEVERITY.DUPLICATE_INDICATOR,
    description: 'The same indicator appears twice in one section (the later row is flagged).',
    run: duplicateIndicator,
  },
  {
    code: 'MISSING_FIELD',
    severity: SEVERITY.MISSING_FIELD,
    description: 'A required cell (indikator, formulasi, sumberData) is empty.',
    run: missingField,
  },
  {
    code: 'INVALID_NIP',
    severity: SEVERITY.INVALID_NIP,
    description: 'A signer’s NIP is not 18 digits or has an impossible birth date, appointment or sex digit.',
    run: invalidNip,
  },
  {
    code: 'UNSIGNED',
    severity: SEVERITY.UNSIGNED,
    description: 'A signature block has a title but no name (e.g. "-----").',
    run: unsigned,
  },
  {
    code: 'INCOMPLETE_DATE',
    severity: SEVERITY.INCOMPLETE_DATE,
    description: 'The place-and-date line has a blank day or month (".....2019").',
    run: incompleteDate,
  },
  {
    code: 'LOW_OCR_CONFIDENCE',
    severity: SEVERITY.LOW_OCR_CONFIDENCE,
    description: 'A cell was read by OCR with confidence under the threshold.',
    run: lowOcrConfidence,
  },
  {
    code: 'UNPARSED_TEXT',
    severity: SEVERITY.UNPARSED_TEXT,
    description: 'Text inside the section that no field took.',
    run: unparsedText,
  },
];

/**
 * All flags of one section: the built-in rules, then `extraRules` (e.g. SPELLING_VARIANT), sorted
 * so that a row's flags follow the rule order and extra rules come after the built-in ones.
 */
export function flagSection(section: SectionDraft, extraRules: readonly SectionRule[] = []): Flag[] {
  const rules: { name: string; run: SectionRule }[] = [
    ...RULES.map((r) => ({ name: r.code, run: r.run })),
    ...extraRules.map((run, i) => ({ name: run.name || `extra rule ${i + 1}`, run })),
  ];
  const flags = rules.flatMap(({ name, run }) => {
    try {
      return run(section);
    } catch (cause) {
      throw new IkiError(
        'FLAG_RULE_FAILED',
        `flag rule ${name} failed on section ${JSON.stringify(section.title)}`,
        {
          stage: 'flags',
          cause,
        },
      );
    }
  });
  return sortFlags(flags);
}
