/**
 * A section (one IKI/IKU form) after the records stage and before the flags stage: the
 * contract's Section without flags, plus what the flag rules need to know about how the form
 * was printed (which the contract itself does not carry).
 */
import type { Section } from '../contract/schema.js';

export interface SectionMeta {
  /** The printed place-and-date line, e.g. "Balantak Selatan, .....2019"; null when none. */
  dateLine: string | null;
  /** Year columns of the table's TARGET header ("2018", …), in printed order; [] when none. */
  yearColumns: string[];
  /** Parallel to `penandatangan`: the printed name line as seen ("-----" for an unsigned block). */
  signatureLines: (string | null)[];
  /** Per indikator row: true when its sasaran was carried down from a spanning cell above. */
  sasaranCarried: boolean[];
  /** Text inside the section that no field took. */
  unparsed: string[];
  /** OCR cells under the confidence threshold: JSON path (e.g. "indikator[2].formulasi") and confidence. */
  lowConfidence: { path: string; confidence: number }[];
}

export type SectionDraft = Omit<Section, 'flags'> & { meta: SectionMeta };

export function emptyMeta(): SectionMeta {
  return {
    dateLine: null,
    yearColumns: [],
    signatureLines: [],
    sasaranCarried: [],
    unparsed: [],
    lowConfidence: [],
  };
}
