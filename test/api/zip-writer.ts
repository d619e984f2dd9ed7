/** Zip archives for the API tests, on the suite's shared writer. */
import { makeZip as writeZip } from '../helpers/zip-writer.js';

export interface ZipEntry {
  name: string;
  data?: Buffer;
  /** Deflate (default) or store. */
  store?: boolean;
}

export function makeZip(entries: readonly ZipEntry[]): Buffer {
  return writeZip(
    entries.map((e) => {
      const data = e.data ?? Buffer.alloc(0);
      return { name: e.name, data, deflate: !e.store && data.length > 0 };
    }),
  );
}
