/**
 * One entry point for every format: sniff the bytes, pick the reader, run the extractor.
 * Readers for PDF, images and docx live in src/read/ and all end in a LayoutDocument.
 */
import type { ExtractedFile } from '../contract/schema.js';
import { BadInputError } from '../errors.js';
import type { ExtractOptions } from './extract.js';
import { extractText } from './extract.js';

export async function extractFile(bytes: Uint8Array, opts: ExtractOptions): Promise<ExtractedFile> {
  if (bytes.length === 0) throw new BadInputError('the file is empty (0 bytes)', { file: opts.fileName, stage: 'read' });
  return extractText(bytes, opts);
}
