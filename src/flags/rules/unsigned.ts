/** UNSIGNED: a signature block with a title but no name (printed "-----" or left empty). */
import type { Flag } from '../../contract/schema.js';
import type { SectionDraft } from '../../ir/section.js';
import { makeFlag } from '../flag.js';
import { quote } from '../paths.js';
import { isBlankCell } from '../wording.js';

export function unsigned(section: SectionDraft): Flag[] {
  return section.penandatangan.flatMap((signer, k) => {
    if (!isBlankCell(signer.nama) || isBlankCell(signer.jabatan)) return [];
    const noNip = isBlankCell(signer.nip);
    const printed = section.meta.signatureLines[k];
    const shown =
      printed !== undefined && printed !== null && printed.trim() !== ''
        ? ` (printed ${quote(printed)})`
        : '';
    return [
      makeFlag(
        'UNSIGNED',
        `penandatangan[${k}]`,
        `Signature block ${quote(signer.jabatan ?? '')} has no name${noNip ? ' or NIP' : ''}${shown}.`,
        `Obtain the signer's name${noNip ? ' and NIP' : ''}.`,
      ),
    ];
  });
}
