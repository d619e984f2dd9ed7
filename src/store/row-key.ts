/**
 * Stable identities for indicator rows and sections across extraction runs. A correction is tied
 * to a row by what the row says (jabatan, sasaran, indikator), never by its position, so it
 * survives a re-extraction that inserts, drops or reorders rows.
 */
import { createHash } from 'node:crypto';
import type { ExtractedFile } from '../contract/schema.js';

/** Keys longer than this keep a readable prefix plus a hash of the whole (btree entries are bounded). */
export const MAX_KEY_LENGTH = 240;

/** Characters of the sha256 kept when a key is shortened. */
const KEY_HASH_CHARS = 16;

/** Lower-case, punctuation and symbols to single spaces, trimmed: "Kasi. PEM-Desa" → "kasi pem desa". */
export function normaliseKeyText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Identity of an indicator row: normalised jabatan, sasaran and indikator, plus the occurrence
 * number (1 for the first row of the document with those three, 2 for the next, …).
 */
export function rowKey(
  jabatan: string | null | undefined,
  sasaran: string | null | undefined,
  indikator: string | null | undefined,
  occurrence: number,
): string {
  const base = [normaliseKeyText(jabatan), normaliseKeyText(sasaran), normaliseKeyText(indikator)].join('|');
  return bounded(`${base}|${occurrence}`);
}

/** Identity of a section: kind, normalised jabatan ("" for a unit-level table) and occurrence. */
export function sectionKey(kind: string, jabatan: string | null | undefined, occurrence: number): string {
  return bounded(`${kind}|${normaliseKeyText(jabatan)}|${occurrence}`);
}

function bounded(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, KEY_HASH_CHARS);
  return `${key.slice(0, MAX_KEY_LENGTH - KEY_HASH_CHARS - 1)}#${hash}`;
}

export interface FileKeys {
  /** sectionKeys[s] is the key of sections[s]. */
  sectionKeys: string[];
  /** rowKeys[s][i] is the key of sections[s].indikator[i]. */
  rowKeys: string[][];
}

/** Keys of every section and row of a file, occurrences counted over the whole file in order. */
export function keyFile(file: Pick<ExtractedFile, 'sections'>): FileKeys {
  const sectionSeen = new Map<string, number>();
  const rowSeen = new Map<string, number>();
  const sectionKeys: string[] = [];
  const rowKeys: string[][] = [];
  for (const section of file.sections) {
    const sBase = `${section.kind}|${normaliseKeyText(section.jabatan)}`;
    const sCount = (sectionSeen.get(sBase) ?? 0) + 1;
    sectionSeen.set(sBase, sCount);
    sectionKeys.push(sectionKey(section.kind, section.jabatan, sCount));
    rowKeys.push(
      section.indikator.map((row) => {
        const base = [section.jabatan, row.sasaran, row.indikator].map(normaliseKeyText).join('|');
        const count = (rowSeen.get(base) ?? 0) + 1;
        rowSeen.set(base, count);
        return rowKey(section.jabatan, row.sasaran, row.indikator, count);
      }),
    );
  }
  return { sectionKeys, rowKeys };
}
