/** Test helper: a region of a fixture PDF page rendered as a grey raster (no OCR, no network). */
import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { canvasToGray } from '../../src/read/image/gray.js';
import type { GrayImage } from '../../src/read/image/gray.js';
import { openPdf } from '../../src/read/pdf/pdfjs.js';

/** Page `page` of `pdfPath` at `dpi`, cut to the top `heightPt` points. */
export async function renderTop(
  pdfPath: string,
  page: number,
  dpi: number,
  heightPt: number,
): Promise<GrayImage> {
  const opened = await openPdf(new Uint8Array(readFileSync(pdfPath)), pdfPath);
  try {
    const p = await opened.doc.getPage(page);
    const viewport = p.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil((heightPt * dpi) / 72));
    type RenderCanvas = Parameters<typeof p.render>[0]['canvas'];
    await p.render({ canvas: canvas as unknown as RenderCanvas, viewport }).promise;
    return canvasToGray(canvas);
  } finally {
    await opened.close();
  }
}
