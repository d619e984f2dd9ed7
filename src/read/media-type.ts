/**
 * Media type from the bytes (magic numbers), never from the file name: a PDF named .txt is a
 * PDF, and a binary named .txt is refused. Text is told from binary by NUL bytes and the share
 * of control characters; markdown from plain text by its tables and headings.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { MediaKind } from '../ir/document.js';

export type SniffedKind = MediaKind | 'doc' | 'zip' | 'unknown';

export interface SniffResult {
  kind: SniffedKind;
  mediaType: string;
}

/** Bytes looked at to tell text from binary and markdown from plain text. */
export const SNIFF_BYTES = 64 * 1024;
/** More than this share of control characters (other than tab, newline, CR, form feed): binary. */
export const MAX_CONTROL_SHARE = 0.05;
/** PDF allows junk before `%PDF-`; look this far in. */
const PDF_HEADER_WINDOW = 1024;

export const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
  rtf: 'application/rtf',
  zip: 'application/zip',
  cfb: 'application/x-cfb',
  text: 'text/plain',
  markdown: 'text/markdown',
  empty: 'application/x-empty',
  binary: 'application/octet-stream',
} as const;

/** The message for a legacy Word file, with the command that converts it. */
export const LEGACY_DOC_MESSAGE =
  'legacy Word .doc is not supported; convert it to .docx or PDF, e.g. `libreoffice --headless --convert-to docx FILE.doc`';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function indexOfBytes(bytes: Uint8Array, needle: readonly number[], limit = bytes.length, from = 0): number {
  const end = Math.min(limit, bytes.length) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Names of the entries of a zip, from its local headers (uncompressed, so readable without inflating). */
export function zipEntryNames(bytes: Uint8Array, max = 2000): string[] {
  const names: string[] = [];
  const sig = [0x50, 0x4b, 0x03, 0x04];
  let i = 0;
  while (names.length < max) {
    i = indexOfBytes(bytes, sig, bytes.length, i);
    if (i < 0 || i + 30 > bytes.length) break;
    const nameLen = bytes[i + 26]! | (bytes[i + 27]! << 8);
    const name = Buffer.from(bytes.subarray(i + 30, i + 30 + nameLen)).toString('utf8');
    names.push(name);
    i += 30 + nameLen;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): SniffResult {
  const names = new Set(zipEntryNames(bytes));
  if (names.has('word/document.xml')) return { kind: 'docx', mediaType: MEDIA.docx };
  if (names.has('xl/workbook.xml')) return { kind: 'zip', mediaType: MEDIA.xlsx };
  if (names.has('ppt/presentation.xml')) return { kind: 'zip', mediaType: MEDIA.pptx };
  if (names.has('content.xml') && names.has('mimetype')) return { kind: 'zip', mediaType: MEDIA.odt };
  return { kind: 'zip', mediaType: MEDIA.zip };
}

/** "WordDocument" as a UTF-16LE directory entry name: the main stream of a Word 97–2003 file. */
const WORD_STREAM = [...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]);

type TextEncodingGuess = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Decoded sample of a text file, or null when the bytes are binary. */
export function textSample(bytes: Uint8Array): string | null {
  let enc: TextEncodingGuess = 'utf-8';
  let body = bytes.subarray(0, SNIFF_BYTES);
  if (startsWith(body, [0xff, 0xfe])) {
    enc = 'utf-16le';
    body = body.subarray(2);
  } else if (startsWith(body, [0xfe, 0xff])) {
    enc = 'utf-16be';
    body = body.subarray(2);
  } else if (startsWith(body, [0xef, 0xbb, 0xbf])) {
    body = body.subarray(3);
  } else {
    const guess = utf16WithoutBom(body);
    if (guess) enc = guess;
  }
  if (enc === 'utf-8' && body.includes(0)) return null;
  const text = decode(body, enc);
  let control = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
  }
  if (total > 0 && control / total > MAX_CONTROL_SHARE) return null;
  return text;
}

/** UTF-16 with no BOM shows as every other byte NUL in mostly-ASCII text. */
function utf16WithoutBom(b: Uint8Array): TextEncodingGuess | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > 0.4 * pairs && evenNul < 0.05 * pairs) return 'utf-16le';
  if (evenNul > 0.4 * pairs && oddNul < 0.05 * pairs) return 'utf-16be';
  return null;
}

function decode(b: Uint8Array, enc: TextEncodingGuess): string {
  if (enc === 'utf-16be') {
    const swapped = new Uint8Array(b.length & ~1);
    for (let i = 0; i + 1 < b.length; i += 2) {
      swapped[i] = b[i + 1]!;
      swapped[i + 1] = b[i]!;
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return new TextDecoder(enc).decode(b);
}

/** Markdown's tell-tale signs: a table separator row or an ATX heading. */
// [ \t] rather than \s: \s also matches newlines, and under /m a run of blank lines then makes the
// scan quadratic.
const MARKDOWN_TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/m;
const MARKDOWN_HEADING = /^#{1,6}[ \t]+\S/m;

export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_TABLE_RULE.test(text) || MARKDOWN_HEADING.test(text);
}

/**
 * What the bytes are. `fileName` is not used to decide (a lying extension must not matter); it
 * is accepted so callers pass it through for messages.
 */
export function sniffMediaType(bytes: Uint8Array, fileName: string): SniffResult {
  void fileName;
  if (bytes.length === 0) return { kind: 'unknown', mediaType: MEDIA.empty };
  if (indexOfBytes(bytes, ascii('%PDF-'), PDF_HEADER_WINDOW) >= 0)
    return { kind: 'pdf', mediaType: MEDIA.pdf };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mediaType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'image', mediaType: 'image/tiff' };
  }
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { kind: 'image', mediaType: 'image/gif' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { kind: 'image', mediaType: 'image/webp' };
  if (startsWith(bytes, ascii('BM')) && bytes.length > 26 && bytes.subarray(0, 64).includes(0)) {
    return { kind: 'image', mediaType: 'image/bmp' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return sniffZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return indexOfBytes(bytes, WORD_STREAM) >= 0
      ? { kind: 'doc', mediaType: MEDIA.doc }
      : { kind: 'unknown', mediaType: MEDIA.cfb };
  }
  if (startsWith(bytes, ascii('{\\rtf'))) return { kind: 'doc', mediaType: MEDIA.rtf };
  const text = textSample(bytes);
  if (text === null) return { kind: 'unknown', mediaType: MEDIA.binary };
  return looksLikeMarkdown(text)
    ? { kind: 'markdown', mediaType: MEDIA.markdown }
    : { kind: 'text', mediaType: MEDIA.text };
}

/** As sniffMediaType, but names an unsupported binary by its real type (via `file-type`) for messages. */
export async function sniffMediaTypeDetailed(bytes: Uint8Array, fileName: string): Promise<SniffResult> {
  const r = sniffMediaType(bytes, fileName);
  if (r.kind === 'unknown' && r.mediaType === MEDIA.binary) {
    const ft = await fileTypeFromBuffer(bytes).catch(() => undefined);
    if (ft) return { kind: 'unknown', mediaType: ft.mime };
  }
  return r;
}

/** Why a sniffed file cannot be read, in words for the uploader; null when it can. */
export function unsupportedReason(r: SniffResult): string | null {
  switch (r.kind) {
    case 'doc':
      return r.mediaType === MEDIA.rtf
        ? 'RTF is not supported; save it as .docx or PDF, e.g. `libreoffice --headless --convert-to docx FILE.rtf`'
        : LEGACY_DOC_MESSAGE;
    case 'zip':
      return `a ${r.mediaType === MEDIA.zip ? 'zip archive' : r.mediaType} file is not a supported document; upload the PDF, .docx or text itself`;
    case 'unknown':
      return r.mediaType === MEDIA.empty ? 'empty file (0 bytes)' : `unsupported file type (${r.mediaType})`;
    default:
      return null;
  }
}
