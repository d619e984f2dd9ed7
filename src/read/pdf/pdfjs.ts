/**
 * Loading pdfjs-dist in Node: the legacy build, no eval, no font faces, and the package's own
 * standard-font, CMap and wasm folders as local paths, so reading never touches the network.
 * pdfjs failures are turned into BadInputError with the file and a plain reason.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { BadInputError } from '../../errors.js';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const dirUrl = (name: string) => join(PDFJS_DIR, name) + sep;

/** pdfjs log level: 0 = errors only (warnings about odd fonts would flood batch logs). */
const PDFJS_VERBOSITY = 0;

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  /** Stops pdfjs and frees its memory; call once when done. */
  close(): Promise<void>;
}

/** Why pdfjs refused the bytes, in words for the person who uploaded them. */
export function explainPdfError(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return 'the PDF is encrypted and needs a password to open; save an unprotected copy and upload that';
  }
  if (name === 'InvalidPDFException')
    return `not a valid PDF (${message}); the file may be truncated or damaged`;
  if (name === 'FormatError') return `damaged PDF structure (${message})`;
  return `the PDF could not be read (${message})`;
}

export async function openPdf(bytes: Uint8Array, file: string): Promise<OpenedPdf> {
  if (bytes.length === 0) throw new BadInputError('empty file (0 bytes)', { file, stage: 'read' });
  // pdfjs may transfer (detach) the buffer it is given; keep the caller's bytes intact.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: PDFJS_VERBOSITY,
    standardFontDataUrl: dirUrl('standard_fonts'),
    cMapUrl: dirUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: dirUrl('wasm'),
  });
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    // With no onPassword handler, pdfjs rejects an encrypted file with a PasswordException.
    throw new BadInputError(explainPdfError(err), { file, stage: 'read', cause: err });
  }
}
