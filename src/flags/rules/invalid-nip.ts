/**
 * INVALID_NIP: a signer's NIP that is not 18 digits, or whose birth date, appointment month,
 * appointment-after-18th-birthday or sex digit is impossible.
 */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { decodeNip } from '../../nip/decode.js';
import { makeFlag } from '../flag.js';
import { quote } from '../paths.js';
import { isBlankCell } from '../wording.js';

export function invalidNip(section: SectionDraft): Flag[] {
  return section.penandatangan.flatMap((signer, k) => {
    if (signer.nip === null || isBlankCell(signer.nip)) return [];
    const { problems } = decodeNip(signer.nip);
    if (problems.length === 0) return [];
    const who = signer.nama ?? signer.jabatan ?? `signer ${k + 1}`;
    return [
      makeFlag(
        'INVALID_NIP',
        `penandatangan[${k}].nip`,
        `NIP ${quote(signer.nip)} of ${quote(who)} is not valid: ${problems.join('; ')}.`,
        "Check the NIP against the signer's personnel record (18 digits: birth date, appointment month, sex, serial).",
      ),
    ];
  });
}
