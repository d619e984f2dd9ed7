import { extractFile } from '../src/pipeline/extract-file.js';
export default async function (t: { bytes: Uint8Array; name: string }): Promise<number> {
  const r = await extractFile(t.bytes, { fileName: t.name });
  return r.sections.length;
}
