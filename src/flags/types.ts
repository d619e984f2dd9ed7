/** What a flag rule is: a pure check of one section that returns the flags it raises. */
import type { Flag, FlagCode, FlagSeverity } from '../contract/schema.js';
import type { SectionDraft } from '../ir/section.js';

export type SectionRule = (section: SectionDraft) => Flag[];

export interface RuleInfo {
  code: FlagCode;
  severity: FlagSeverity;
  /** One line for README/help. */
  description: string;
  run: SectionRule;
}
