/** UNPARSED_TEXT: text inside the section that no field took (meta.unparsed), quoted in full. */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote } from '../paths.js';

/** Unparsed text is quoted at greater length than a cell: the reviewer must find it in the source. */
export const MAX_UNPARSED_QUOTE_CHARS = 500;

export function unparsedText(section: SectionDraft): Flag[] {
  return section.meta.unparsed
    .filter((text) => text.trim() !== '')
    .map((text) =>
      makeFlag(
        'UNPARSED_TEXT',
        null,
        `Text ${quote(text, MAX_UNPARSED_QUOTE_CHARS)} inside this section was not assigned to any field.`,
        'Check whether it belongs to a field (for example a cell that spilled over) and add it by hand.',
      ),
    );
}
