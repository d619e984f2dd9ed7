/** Stored (uncompressed) zips for building tiny .docx files in tests, on the suite's shared writer. */
import { makeZip as writeZip } from '../../helpers/zip-writer.js';

export function makeZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return new Uint8Array(
    writeZip(Object.entries(entries).map(([name, data]) => ({ name, data, deflate: false }))),
  );
}
