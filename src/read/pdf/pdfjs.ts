/**
 * Loading pdfjs-dist in Node: the legacy build, no eval, no font faces, and the package's own
 * standard-font, CMap and wasm folders as local paths, so reading never touches the network.
 * pdfjs failures are turned into BadInputError with the file and a plain reason.
 */
// Must come before pdfjs: it keeps the engine's Array.prototype.push, which pdfjs replaces.
import { restoreEnginePush } from './engine-push.js';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { BadInputError } from '../../errors.js';

restoreEnginePush();

/** pdfjs's API, re-exported so every pdfjs import passes through this module (see engine-push). */
export { getDocument, OPS };

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

/**
 * What a document is opened for. 'text' reads text and rules only, so pdfjs skips decoding images
 * (a scanned page image with a text layer costs about a second per page to decode, for nothing);
 * 'render' draws pages (the OCR path) and needs them.
 */
export type PdfUse = 'text' | 'render';

/**
 * pdfjs's `maxImageSize` (pixels) when reading text: every image is larger, so none is decoded
 * (with `stopAtErrors: false` pdfjs then leaves the image out of the operator list quietly).
 */
const TEXT_MAX_IMAGE_PIXELS = 0;

/**
 * The options every pdfjs document is opened with (exported so the benchmark's raw-pdfjs
 * baseline loads documents exactly as we do).
 */
export function pdfjsDocumentParams(
  bytes: Uint8Array,
  use: PdfUse = 'render',
): Parameters<typeof getDocument>[0] {
  return {
    ...(use === 'text' ? { maxImageSize: TEXT_MAX_IMAGE_PIXELS } : {}),
    // pdfjs may transfer (detach) the buffer it is given; keep the caller's bytes intact.
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
  };
}

export async function openPdf(bytes: Uint8Array, file: string, use: PdfUse = 'render'): Promise<OpenedPdf> {
  if (bytes.length === 0) throw new BadInputError('empty file (0 bytes)', { file, stage: 'read' });
  const task = getDocument(pdfjsDocumentParams(bytes, use));
  try {
    const doc = await task.promise;
    // The first document loads pdfjs's worker code, which replaces push again.
    restoreEnginePush();
    return { doc, close: () => task.destroy() };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    // With no onPassword handler, pdfjs rejects an encrypted file with a PasswordException.
    throw new BadInputError(explainPdfError(err), { file, stage: 'read', cause: err });
  }
}
