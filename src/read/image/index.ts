/**
 * Images (PNG, JPEG, TIFF including multi-page) → LayoutDocument by OCR. Headers are read first
 * (size limits, truncation) so bad input fails before any decoding; then one page at a time is
 * decoded at the OCR resolution, recognised and dropped. Points are the image's own: a pixel is
 * 72 / dpi points, with the file's dpi or, when it states none, the dpi of an A4-wide page.
 */
import { createHash } from 'node:crypto';
import type { Block, LayoutDocument, PageGeom, ReadIssue } from '../../ir/document.js';
import { IR_VERSION } from '../../ir/document.js';
import type { TableSettings } from '../../geometry/settings.js';
import { blocksFromPages } from '../pdf/index.js';
import type { OcrEngine, OcrEngineOptions } from '../ocr/engine.js';
import { createOcrEngine } from '../ocr/engine.js';
import { ocrPage } from '../ocr/page.js';
import { OCR_DPI } from '../ocr/pdf.js';
import { decodeFrame } from './decode.js';
import type { ImageFrame } from './header.js';
import { probeImage } from './header.js';
import { frameResolution } from './resolution.js';

/** Images finer than OCR_DPI × this are scaled down to OCR_DPI (time grows with pixels, accuracy does not). */
export const DOWNSCALE_ABOVE_FACTOR = 1.15;
/** Images coarser than this (dpi) are scaled up to OCR_DPI: small glyphs read better enlarged. */
export const UPSCALE_BELOW_DPI = 240;

export interface ReadImageOptions {
  /** Base name as uploaded, for errors and `source.file`. */
  file: string;
  /** A running engine to use (and leave running); otherwise one is made and terminated here. */
  engine?: OcrEngine;
  ocr?: OcrEngineOptions;
  table?: Partial<TableSettings>;
  /** OCR resolution (pixels per inch) instead of OCR_DPI, for measurements. */
  dpi?: number;
}

/** Raster size and resolution for OCR of a frame, aiming at `dpi` (OCR_DPI by default). */
export function ocrRaster(frame: ImageFrame, dpi = OCR_DPI): { width: number; height: number; dpi: number } {
  const res = frameResolution(frame);
  // Non-square pixels (fax modes) are squared to the finer of the two resolutions.
  const finer = Math.max(res.dpiX, res.dpiY);
  const coarse = finer < Math.min(UPSCALE_BELOW_DPI, dpi);
  const target = finer > dpi * DOWNSCALE_ABOVE_FACTOR || coarse ? dpi : finer;
  return {
    width: Math.max(1, Math.round((frame.width * target) / res.dpiX)),
    height: Math.max(1, Math.round((frame.height * target) / res.dpiY)),
    dpi: target,
  };
}

/** Reads an image file by OCR. Throws BadInputError for empty, truncated, oversized or undecodable files. */
export async function readImage(bytes: Uint8Array, opts: ReadImageOptions): Promise<LayoutDocument> {
  const { file } = opts;
  const probe = probeImage(bytes, file);
  let engine = opts.engine;
  const own = !engine;
  const pages: PageGeom[] = [];
  const issues: ReadIssue[] = [];
  try {
    for (let i = 0; i < probe.frames.length; i++) {
      const frame = probe.frames[i]!;
      const page = i + 1;
      const target = ocrRaster(frame, opts.dpi);
      const raster = await decodeFrame(bytes, probe.format, frame, target, file, page);
      engine ??= await createOcrEngine(opts.ocr);
      const r = await ocrPage(engine, raster, { page, dpi: target.dpi });
      pages.push(r.geom);
      issues.push(...r.issues);
    }
  } finally {
    if (own) await engine?.terminate();
  }
  const blocks: Block[] = blocksFromPages(pages, 'ocr-grid', opts.table);
  return {
    irVersion: IR_VERSION,
    source: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mediaType: probe.mediaType,
      pages: pages.length,
      extraction: 'ocr',
    },
    pages,
    blocks,
    issues,
  };
}
