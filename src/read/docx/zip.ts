/**
 * Reads named parts of a zip (a .docx) into strings with yauzl, refusing parts whose inflated
 * size passes a limit, so a zip bomb cannot exhaust memory.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { BadInputError, InputTooLargeError } from '../../errors.js';

/** Largest inflated size of one part read from a .docx, bytes. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function readEntry(zip: ZipFile, entry: Entry, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (entry.uncompressedSize > MAX_PART_BYTES) {
      reject(
        new InputTooLargeError(
          `${entry.fileName} inflates to ${entry.uncompressedSize} bytes; the limit is ${MAX_PART_BYTES}`,
          { file, stage: 'read' },
        ),
      );
      return;
    }
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('no stream'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_PART_BYTES) {
          stream.destroy(
            new InputTooLargeError(`${entry.fileName} inflates past ${MAX_PART_BYTES} bytes`, {
              file,
              stage: 'read',
            }),
          );
          return;
        }
        chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/** The wanted parts that exist, by name. Throws BadInputError when the bytes are not a readable zip. */
export async function readZipParts(
  bytes: Uint8Array,
  wanted: readonly string[],
  file: string,
): Promise<Map<string, string>> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (err) {
    throw new BadInputError(
      `not a readable .docx (zip): ${err instanceof Error ? err.message : String(err)}`,
      {
        file,
        stage: 'read',
        cause: err,
      },
    );
  }
  const out = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (!wanted.includes(entry.fileName)) {
          zip.readEntry();
          return;
        }
        readEntry(zip, entry, file).then((text) => {
          out.set(entry.fileName, text);
          zip.readEntry();
        }, reject);
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    if (err instanceof InputTooLargeError) throw err;
    throw new BadInputError(`damaged .docx (zip): ${err instanceof Error ? err.message : String(err)}`, {
      file,
      stage: 'read',
      cause: err,
    });
  }
  return out;
}
