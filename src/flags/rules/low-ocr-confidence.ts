/** LOW_OCR_CONFIDENCE: cells the OCR stage read with a confidence under its threshold (meta.lowConfidence). */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote } from '../paths.js';

export function lowOcrConfidence(section: SectionDraft): Flag[] {
  return section.meta.lowConfidence.map(({ path, confidence }) => {
    const value = cellText(section, path);
    return makeFlag(
      'LOW_OCR_CONFIDENCE',
      path,
      `OCR read ${path}${value === null ? '' : ` as ${quote(value)}`} with confidence ${Math.round(confidence)}%, ` +
        'under the threshold; the text may be misread.',
      'Compare this value with the scanned page and correct it.',
    );
  });
}

/** The text at a row path such as "indikator[2].formulasi", when it is a plain string. */
function cellText(section: SectionDraft, path: string): string | null {
  const m = /^indikator\[(\d+)\]\.(\w+)$/.exec(path);
  if (!m?.[1] || !m[2]) return null;
  const row = section.indikator[Number(m[1])] as Record<string, unknown> | undefined;
  const value = row?.[m[2]];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
