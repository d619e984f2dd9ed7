/**
 * One entry point for every format: sniff the bytes (never the file name), pick the reader,
 * run the extractor. Every reader ends in a LayoutDocument, so one parser serves all formats.
 */
import { createHash } from 'node:crypto';
import type { ExtractedFile } from '../contract/schema.js';
import { BadInputError } from '../errors.js';
import type { LayoutDocument } from '../ir/document.js';
import { LEGACY_DOC_MESSAGE, sniffMediaTypeDetailed, unsupportedReason } from '../read/media-type.js';
import type { ExtractOptions } from './extract.js';
import { extractLayout, extractText } from './extract.js';

export async function readDocument(
  bytes: Uint8Array,
  opts: ExtractOptions,
): Promise<LayoutDocument | 'text'> {
  const file = opts.fileName;
  if (bytes.length === 0) throw new BadInputError('the file is empty (0 bytes)', { file, stage: 'read' });
  const sniff = await sniffMediaTypeDetailed(bytes, file);
  switch (sniff.kind) {
    case 'text':
    case 'markdown':
      return 'text';
    // Readers are loaded when a file needs them: a text-only run never loads pdfjs or tesseract.
    case 'pdf': {
      const [{ readPdf }, { withOcrFallback }] = await Promise.all([
        import('../read/pdf/index.js'),
        import('../read/ocr/fallback.js'),
      ]);
      // Pages without a usable text layer (scanned, garbled fonts) are rendered and OCR'd.
      return withOcrFallback(await readPdf(bytes, { file }), bytes, { file });
    }
    case 'docx': {
      const { readDocx } = await import('../read/docx/index.js');
      return readDocx(bytes, { file });
    }
    case 'doc':
      // A legacy .doc or an RTF file: each gets its own way to convert it.
      throw new BadInputError(unsupportedReason(sniff) ?? LEGACY_DOC_MESSAGE, { file, stage: 'read' });
    case 'image': {
      const { readImage } = await import('../read/image/index.js');
      return readImage(bytes, { file });
    }
    default:
      throw new BadInputError(unsupportedReason(sniff) ?? `unsupported file type (${sniff.mediaType})`, {
        file,
        stage: 'read',
      });
  }
}

export async function extractFile(bytes: Uint8Array, opts: ExtractOptions): Promise<ExtractedFile> {
  const doc = await readDocument(bytes, opts);
  if (doc === 'text') return extractText(bytes, opts);
  doc.source.sha256 = createHash('sha256').update(bytes).digest('hex');
  doc.source.file = opts.fileName;
  return extractLayout(doc);
}
