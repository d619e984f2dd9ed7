/**
 * Content-addressed blob store: the bytes of every ingested or uploaded file, kept under
 * `<data dir>/blobs/<sha256[0:2]>/<sha256>`. Jobs carry the storage key (never the bytes), so a
 * queue message stays small and a worker on another machine reads the same file from a shared
 * data directory. The same bytes are written once; a write is atomic (temp file + rename).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { IkiError } from '../errors.js';

/** Data directory when IKI_DATA_DIR is unset (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.data';

/** A storage key: `blobs/<first two hex digits>/<64 hex digits>`, relative to the data directory. */
const STORAGE_KEY = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The data directory: IKI_DATA_DIR, else `.data` under the working directory. */
export function dataDir(): string {
  return resolve(process.env.IKI_DATA_DIR || DEFAULT_DATA_DIR);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The storage key of a content hash; the same bytes always have the same key. */
export function storageKeyOf(sha256: string): string {
  const sha = sha256.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new IkiError('BLOB_BAD_KEY', `not a sha256: ${sha256}`);
  return `blobs/${sha.slice(0, 2)}/${sha}`;
}

/** The sha256 a storage key names, or null when the key is not one of ours. */
export function sha256OfKey(key: string): string | null {
  const m = STORAGE_KEY.exec(key);
  return m && m[1] === m[2]!.slice(0, 2) ? m[2]! : null;
}

/** Absolute path of a key; refuses anything else (a key never escapes the data directory). */
export function blobPath(key: string, root = dataDir()): string {
  if (sha256OfKey(key) === null) throw new IkiError('BLOB_BAD_KEY', `not a blob storage key: ${key}`);
  return join(root, key);
}

/** Stores bytes (once) and returns their hash and storage key. */
export async function putBlob(
  bytes: Uint8Array,
  root = dataDir(),
): Promise<{ sha256: string; storageKey: string; created: boolean }> {
  const sha256 = sha256Hex(bytes);
  const storageKey = storageKeyOf(sha256);
  const path = blobPath(storageKey, root);
  if (existsSync(path)) return { sha256, storageKey, created: false };
  await mkdir(dirname(path), { recursive: true });
  // A unique temp name: two processes storing the same bytes at once both succeed.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new IkiError('BLOB_WRITE_FAILED', `cannot store ${storageKey}: ${(err as Error).message}`, {
      stage: 'store',
      cause: err,
    });
  }
  return { sha256, storageKey, created: true };
}

export function hasBlob(key: string, root = dataDir()): boolean {
  return existsSync(blobPath(key, root));
}

/**
 * The bytes of a key, checked against their hash: a damaged or missing blob is an IkiError
 * (not bad input: the file itself may be fine, so a retry after restoring the blob can succeed).
 */
export async function readBlob(key: string, root = dataDir()): Promise<Uint8Array> {
  const path = blobPath(key, root);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new IkiError(
      missing ? 'BLOB_MISSING' : 'BLOB_READ_FAILED',
      missing
        ? `the stored bytes (${key}) are missing from ${root}; ingest the file again`
        : `cannot read ${key}: ${(err as Error).message}`,
      { stage: 'read', cause: err },
    );
  }
  if (sha256Hex(bytes) !== sha256OfKey(key)) {
    throw new IkiError('BLOB_CORRUPT', `the stored bytes (${key}) do not match their hash`, {
      stage: 'read',
    });
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
