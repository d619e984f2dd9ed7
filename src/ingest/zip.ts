/**
 * Zip archives as sources of documents, read with yauzl. The whole central directory is checked
 * before any entry is read, and an archive that breaks a limit is refused as a whole: too many
 * entries, too many bytes once inflated, an entry that inflates suspiciously far (a zip bomb),
 * or an entry whose path would leave the archive (absolute, `..`). yauzl also checks that each
 * entry inflates to exactly its declared size, so the declared sizes checked here are the real ones.
 */
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { BadInputError } from '../errors.js';

export interface ZipLimits {
  /** Entries (files and folders) in one archive. @defaultValue MAX_ZIP_ENTRIES */
  maxEntries: number;
  /** Bytes of all entries once inflated. @defaultValue MAX_ZIP_TOTAL_BYTES */
  maxTotalBytes: number;
  /** Bytes of one entry once inflated. @defaultValue MAX_ZIP_ENTRY_BYTES */
  maxEntryBytes: number;
  /** Inflated ÷ compressed size of one entry, checked above `ratioFloorBytes`. @defaultValue MAX_COMPRESSION_RATIO */
  maxRatio: number;
  /** Entries smaller than this (inflated) are not ratio-checked. @defaultValue RATIO_FLOOR_BYTES */
  ratioFloorBytes: number;
}

export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_ZIP_TOTAL_BYTES = 4 * 1024 ** 3;
export const MAX_ZIP_ENTRY_BYTES = 512 * 1024 ** 2;
/** Text compresses about 3–10×, PDFs barely; a hundredfold and more is a bomb's signature. */
export const MAX_COMPRESSION_RATIO = 100;
export const RATIO_FLOOR_BYTES = 1024 ** 2;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxTotalBytes: MAX_ZIP_TOTAL_BYTES,
  maxEntryBytes: MAX_ZIP_ENTRY_BYTES,
  maxRatio: MAX_COMPRESSION_RATIO,
  ratioFloorBytes: RATIO_FLOOR_BYTES,
};

export function resolveZipLimits(given: Partial<ZipLimits> = {}): ZipLimits {
  const out = { ...DEFAULT_ZIP_LIMITS, ...given };
  for (const [key, value] of Object.entries(out)) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`zip limit ${key} must be positive (got ${value})`);
  }
  return out;
}

export interface ZipMember {
  /** Path inside the archive, `/`-separated. */
  path: string;
  bytes: Buffer;
}

/** A member the archive holds but that cannot be read (encrypted, unsupported compression). */
export interface ZipMemberProblem {
  path: string;
  reason: string;
}

/** Members to skip silently: folders and the metadata archivers add. */
export function isJunkPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1] ?? '';
  return (
    path.endsWith('/') ||
    parts.some((p) => p === '__MACOSX') ||
    base.startsWith('.') ||
    /^(thumbs\.db|desktop\.ini)$/i.test(base)
  );
}

/** A path that stays inside the archive: relative, no `..`, no drive letter, no NUL. */
export function isSafeMemberPath(path: string): boolean {
  if (path.length === 0 || path.includes('\0') || path.includes('\\')) return false;
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return false;
  return !path.split('/').some((p) => p === '..');
}

/**
 * Every member of an archive (file on disk), after checking the whole archive against `limits`.
 * A refused archive throws BadInputError naming the rule; per-member problems are yielded.
 */
export async function* readZip(
  file: string,
  display: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<ZipMember | ZipMemberProblem> {
  const refuse = (reason: string, cause?: unknown) =>
    new BadInputError(`archive refused: ${reason}`, { file: display, stage: 'read', cause });
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true });
  } catch (err) {
    throw refuse(`not a readable zip (${(err as Error).message})`, err);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw refuse(`${zip.entryCount} entries (limit ${limits.maxEntries})`);
    }
    const entries: Entry[] = [];
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        if (!isSafeMemberPath(entry.fileName)) throw refuse(`unsafe entry path "${entry.fileName}"`);
        if (entry.fileName.endsWith('/')) continue;
        const size = entry.uncompressedSize;
        if (size > limits.maxEntryBytes) {
          throw refuse(`"${entry.fileName}" inflates to ${size} bytes (limit ${limits.maxEntryBytes})`);
        }
        if (size >= limits.ratioFloorBytes && size > limits.maxRatio * Math.max(1, entry.compressedSize)) {
          throw refuse(
            `"${entry.fileName}" inflates ${Math.round(size / Math.max(1, entry.compressedSize))}× (limit ${limits.maxRatio}×)`,
          );
        }
        total += size;
        if (total > limits.maxTotalBytes) {
          throw refuse(`more than ${limits.maxTotalBytes} bytes once inflated`);
        }
        entries.push(entry);
      }
    } catch (err) {
      if (err instanceof BadInputError) throw err;
      // yauzl refuses absolute and `..` paths itself, and damaged directories.
      throw refuse((err as Error).message, err);
    }
    for (const entry of entries) {
      if (isJunkPath(entry.fileName)) continue;
      if (entry.isEncrypted() || !entry.canDecodeFileData()) {
        yield {
          path: entry.fileName,
          reason: entry.isEncrypted()
            ? 'the archive member is encrypted'
            : `unsupported compression method ${entry.compressionMethod}`,
        };
        continue;
      }
      try {
        yield { path: entry.fileName, bytes: await readEntry(zip, entry) };
      } catch (err) {
        yield { path: entry.fileName, reason: `cannot inflate: ${(err as Error).message}` };
      }
    }
  } finally {
    zip.close();
  }
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
