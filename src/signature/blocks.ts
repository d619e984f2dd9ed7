/**
 * Signature blocks at the foot of a form: the place-and-date line, the signers' titles
 * ("CAMAT BALANTAK SELATAN"), their names and NIPs, and "-----" where nobody signed. PDF dumps
 * print titles and names out of order (two columns flattened), so a block only collects them
 * here; pairing titles with people happens across the whole file (see pairing.ts).
 */
import { parsePlaceDateLine } from '../dates/indonesian.js';
import { extractNip } from '../nip/decode.js';
import { cleanInline, collapseWhitespace } from '../text/clean.js';

export interface Signer {
  nama: string | null;
  nip: string | null;
  /** The printed name line ("-----" for an unsigned block). */
  printed: string;
}

export interface SignatureBlock {
  titles: string[];
  signers: Signer[];
  dateLine: string | null;
  tempat: string | null;
  tanggal: string | null;
  unparsed: string[];
}

const NIP_LINE = /\bNIP\b\.?\s*:?\s*[\d\s.]{8,}/i;
const UNSIGNED = /^[\s\-_.·…]{3,}$/;
/** Role captions above a signature that are not titles. */
const CAPTION =
  /^(mengetahui|menyetujui|yang (menilai|dinilai)|pejabat penilai|pegawai yang dinilai|atasan langsung|a\.?n\.?|plt\.?|plh\.?)\b[\s:,]*$/i;
/**
 * "a.n. CAMAT X" / "u.b. …" above the signer's own title: the signer signs on behalf of that
 * office; the title under it is the signer's jabatan.
 */
const ON_BEHALF = /^(a\.\s?n\.?|a\s?n\.|a\/n|atas\s+nama|u\.\s?b\.?|u\s?b\.)\s*\S/i;
/** Academic degrees that mark a line as a person's name. */
const DEGREE =
  /,\s*(S\.?\s?[A-Z][A-Za-z.]{0,8}|SH|SE|ST|SP|SIP|A\.?Md|M\.?[A-Z][A-Za-z.]{0,6}|Dra?|Ir|Drs)\.?\b/;

/**
 * The rest of a title printed on its own line under it: the place ("KEPALA DINAS X" / "KABUPATEN
 * Y,") or the end of a long name ("KEPALA BADAN PENGELOLAAN KEUANGAN" / "DAN ASET DAERAH,").
 */
const TITLE_REST_LINE = /^(KABUPATEN|KAB\.|KOTA|PROVINSI|DAN|&)\s+\S/i;
/** A civil servant's rank (pangkat) printed between name and NIP: "Pembina Utama Muda", "Penata Tk. I". */
const RANK =
  /^(pembina|penata|pengatur|juru)(\s+(utama|madya|muda|tingkat|tk\.?|[IV]+|\(?[IV]+\s*\/\s*[a-e]\)?)\.?,?)*\s*$/i;
/** "Ditetapkan di : Sukamaju" above "Pada tanggal : 4 Januari 2021". */
const SET_AT = /^(?:ditetapkan|dikeluarkan|dibuat)\s+di\s*:?\s*(.+)$/i;
const SET_ON = /^(?:pada\s+)?tanggal\s*:?\s*(.+)$/i;

function isMostlyUpper(s: string): boolean {
  const letters = s.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && letters.replace(/[^A-Z]/g, '').length / letters.length >= 0.75;
}

function cleanTitle(s: string): string {
  return collapseWhitespace(s)
    .replace(/[,:;]+$/, '')
    .trim();
}

/**
 * @param wrapTitles titles may continue on the next line without a trailing "&" (lines read from
 *   one positioned column, where a long title wraps); text files separate titles by blank lines.
 */
export function parseSignatureLines(rawLines: readonly string[], wrapTitles = false): SignatureBlock {
  const lines = rawLines.map((l) => ({ raw: l, text: cleanInline(l) }));
  const block: SignatureBlock = {
    titles: [],
    signers: [],
    dateLine: null,
    tempat: null,
    tanggal: null,
    unparsed: [],
  };
  let titleOpen = false; // the last title may continue on the next line
  let afterTitle = false; // the line just before was (part of) a title
  for (let i = 0; i < lines.length; i++) {
    const { text } = lines[i]!;
    const titleAbove = afterTitle;
    afterTitle = false;
    if (!text) {
      titleOpen = false;
      continue;
    }
    // The next printed line: a name is followed by its NIP; "Ditetapkan di" by its date.
    const nextIdx = lines.findIndex((l, k) => k > i && l.text);
    const nextText = nextIdx > 0 ? lines[nextIdx]!.text : '';
    if (NIP_LINE.test(text)) {
      const nip = extractNip(text);
      const last = block.signers[block.signers.length - 1];
      if (last && last.nip === null && last.nama !== null) last.nip = nip;
      else block.signers.push({ nama: null, nip, printed: text });
      titleOpen = false;
      continue;
    }
    if (UNSIGNED.test(text)) {
      block.signers.push({ nama: null, nip: null, printed: text });
      titleOpen = false;
      continue;
    }
    const setAt = block.dateLine === null ? SET_AT.exec(text) : null;
    const setOn = setAt ? SET_ON.exec(nextText) : null;
    if (setAt && setOn) {
      const pd2 = parsePlaceDateLine(`${setAt[1]!.trim()}, ${setOn[1]!.trim()}`);
      if (pd2) {
        block.dateLine = `${text} ${nextText}`;
        block.tempat = pd2.tempat;
        block.tanggal = pd2.tanggal;
        i = nextIdx;
        titleOpen = false;
        continue;
      }
    }
    if (RANK.test(text)) continue;
    const pd = block.dateLine === null ? parsePlaceDateLine(text) : null;
    if (pd) {
      block.dateLine = pd.raw;
      block.tempat = pd.tempat;
      block.tanggal = pd.tanggal;
      titleOpen = false;
      continue;
    }
    if (CAPTION.test(text) || ON_BEHALF.test(text)) continue;
    const bold = /^\s*\*\*/.test(lines[i]!.raw);
    const isName =
      NIP_LINE.test(nextText) || (bold && !isMostlyUpper(text.replace(DEGREE, ''))) || DEGREE.test(text);
    if (isName && !(titleOpen && !NIP_LINE.test(nextText))) {
      // "(BUDI SANTOSO)": the brackets only frame the name.
      const nama = collapseWhitespace(text).replace(/^\((.+)\)$/, '$1');
      block.signers.push({ nama, nip: null, printed: text });
      titleOpen = false;
      continue;
    }
    if (isMostlyUpper(text) || /,\s*$/.test(text)) {
      afterTitle = true;
      if ((titleOpen || (titleAbove && TITLE_REST_LINE.test(text))) && block.titles.length) {
        block.titles[block.titles.length - 1] = cleanTitle(
          `${block.titles[block.titles.length - 1]} ${text}`,
        );
      } else {
        block.titles.push(cleanTitle(text));
      }
      titleOpen = wrapTitles || /(&|,|\bDAN)\s*$/i.test(text);
      continue;
    }
    block.unparsed.push(text);
  }
  return block;
}
