/**
 * Bytes → string for text inputs. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
 * Windows-1252 when the bytes are not valid UTF-8 (old Word "Save as text" exports).
 */
import { BadInputError } from '../../errors.js';

/**
 * Windows-1252's 0x80–0x9F block (the rest is Latin-1). Node's TextDecoder treats the label as
 * ISO-8859-1 when built without full ICU, so the block is mapped here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    out += String.fromCharCode(...part.map((b) => b)).replace(
      /[\u0080-\u009f]/g,
      (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!,
    );
  }
  return out;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many of the first bytes are checked for binary content. */
const BINARY_PROBE_BYTES = 64 * 1024;
/** Share of control characters above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.02;

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024)),
    );
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    // A multi-byte sequence cut at the probe boundary is still UTF-8.
    if (bytes.length > 4 * 1024 * 1024) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4 * 1024 * 1024 - 4));
        return { encoding: 'utf-8', bomLength: 0 };
      } catch {
        /* fall through */
      }
    }
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_PROBE_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > MAX_CONTROL_SHARE;
}

export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new BadInputError('the file is empty (0 bytes)', { file, stage: 'decode' });
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-8' || encoding === 'windows-1252') {
    if (looksBinary(body)) {
      throw new BadInputError('the file is binary, not text (NUL or control bytes found)', {
        file,
        stage: 'decode',
      });
    }
  }
  const text = encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding).decode(body);
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
