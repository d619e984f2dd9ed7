/**
 * Expanding an uploaded zip into its files, defensively: the entry count, each entry's inflated
 * size and compression ratio, and the archive's total inflated size are bounded, and entry names
 * that are absolute or climb out with `..` refuse the whole archive (it was made to attack, not
 * to deliver documents). yauzl checks that entries inflate to exactly their declared size, so the
 * declared sizes checked up front cannot lie.
 */
import { posix } from 'node:path';
import yauzl from 'yauzl';
import { BadInputError, IkiError, InputTooLargeError } from '../errors.js';
import type { ZipLimits } from './limits.js';

export interface ArchiveFile {
  /** Path inside the archive, `/`-separated. */
  path: string;
  /** Base name, used as the document's file name. */
  name: string;
  bytes: Buffer;
}

export interface ArchiveSkip {
  path: string;
  reason: string;
}

/** Carries the caller's own error through the zip-error translation unchanged. */
class PassThrough {
  constructor(readonly inner: unknown) {}
}

/** Folders that archivers add for their own metadata, never documents. */
const METADATA_FOLDERS = ['__MACOSX/'];

/** The reason a zip entry name is unsafe to use, or null when it is a plain relative path. */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'empty entry name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'control character in entry name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path in entry name';
  if (name.split('/').includes('..')) return 'path traversal ("..") in entry name';
  return yauzl.validateFileName(name);
}

/**
 * Hands the files of a zip to `onFile` one at a time, in archive order, so memory holds one
 * entry at most. Every entry is checked before the first is inflated, so a refused archive
 * delivers nothing. Throws BadInputError (not a zip, unsafe name, encrypted, unsupported
 * compression) or InputTooLargeError (too many entries, too large, too compressed).
 */
export async function expandZip(
  bytes: Buffer,
  archive: string,
  limits: ZipLimits,
  maxFileBytes: number,
  onFile: (file: ArchiveFile) => Promise<void>,
): Promise<{ files: number; skipped: ArchiveSkip[] }> {
  const ctx = { file: archive, stage: 'read' as const };
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded and checked here, not by yauzl, so the refusal can say what was wrong.
    zip = await yauzl.fromBufferPromise(bytes, {
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: false,
    });
  } catch (err) {
    throw new BadInputError(`not a readable zip archive (${(err as Error).message})`, ctx);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new InputTooLargeError(
        `the archive has ${zip.entryCount} entries; the limit is ${limits.maxEntries}`,
        ctx,
      );
    }
    const wanted: { entry: yauzl.Entry; path: string; name: string }[] = [];
    const skipped: ArchiveSkip[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      const path = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      const unsafe = unsafeEntryName(path);
      if (unsafe) throw new BadInputError(`${unsafe}: "${path.slice(0, 200)}"`, ctx);
      if (path.endsWith('/')) continue;
      const name = posix.basename(path);
      if (METADATA_FOLDERS.some((f) => path.startsWith(f)) || name.startsWith('.')) {
        skipped.push({ path, reason: 'archiver metadata or hidden file' });
        continue;
      }
      if (entry.isEncrypted()) throw new BadInputError(`entry "${path}" is encrypted`, ctx);
      if (!entry.canDecodeFileData()) {
        throw new BadInputError(`entry "${path}" uses an unsupported compression method`, ctx);
      }
      checkSizes(entry, path, declared, limits, maxFileBytes, ctx);
      declared += entry.uncompressedSize;
      wanted.push({ entry, path, name });
    }
    let total = 0;
    for (const { entry, path, name } of wanted) {
      const data = await readEntry(zip, entry, Math.min(maxFileBytes, limits.maxTotalBytes - total));
      if (data === null) throw new InputTooLargeError(`entry "${path}" inflates beyond the size limit`, ctx);
      total += data.length;
      try {
        await onFile({ path, name, bytes: data });
      } catch (err) {
        throw new PassThrough(err);
      }
    }
    return { files: wanted.length, skipped };
  } catch (err) {
    if (err instanceof PassThrough) throw err.inner;
    if (err instanceof IkiError) throw err;
    throw new BadInputError(`damaged zip archive (${(err as Error).message})`, ctx);
  } finally {
    zip.close();
  }
}

function checkSizes(
  entry: yauzl.Entry,
  path: string,
  totalSoFar: number,
  limits: ZipLimits,
  maxFileBytes: number,
  ctx: { file: string; stage: 'read' },
): void {
  const size = entry.uncompressedSize;
  if (size > maxFileBytes) {
    throw new InputTooLargeError(`entry "${path}" is ${size} bytes; the limit is ${maxFileBytes}`, ctx);
  }
  if (totalSoFar + size > limits.maxTotalBytes) {
    throw new InputTooLargeError(
      `the archive inflates to more than ${limits.maxTotalBytes} bytes (the limit)`,
      ctx,
    );
  }
  const ratio = size / Math.max(entry.compressedSize, 1);
  if (size >= limits.ratioMinBytes && ratio > limits.maxRatio) {
    throw new InputTooLargeError(
      `entry "${path}" is compressed ${Math.round(ratio)}:1, over the ${limits.maxRatio}:1 limit (zip bomb?)`,
      ctx,
    );
  }
}

/** The entry's bytes, or null as soon as more than `cap` bytes come out. */
async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<Buffer | null> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    n += chunk.length;
    if (n > cap) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, n);
}
