/**
 * OCR of PDF pages whose text layer is unusable (scanned, or mojibake): each page is rendered by
 * pdfjs-dist onto an @napi-rs/canvas at OCR_DPI, turned grey, and recognised, one page at a time
 * (the canvas and the page's pdfjs resources are released before the next).
 */
import { createCanvas } from '@napi-rs/canvas';
import type { PageGeom, ReadIssue } from '../../ir/document.js';
import { openPdf } from '../pdf/pdfjs.js';
import { canvasToGray } from '../image/gray.js';
import type { OcrEngine } from './engine.js';
import { ocrPage } from './page.js';

/**
 * Resolution pages are rendered at for OCR: 300 dpi puts a 10 pt x-height at ~20 px, where
 * tesseract's LSTM is most accurate; more costs time without gaining words.
 */
export const OCR_DPI = 300;

export interface OcrPdfPage {
  page: number;
  geom: PageGeom;
  issues: ReadIssue[];
  blank: boolean;
}

/**
 * OCR of the given 1-based pages of a PDF, in order. A page that fails to render or recognise
 * yields an UNREADABLE_PAGE issue and an empty page rather than failing the document.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  file: string,
  pages: readonly number[],
  engine: () => Promise<OcrEngine>,
  dpi = OCR_DPI,
): Promise<OcrPdfPage[]> {
  const out: OcrPdfPage[] = [];
  if (pages.length === 0) return out;
  const opened = await openPdf(bytes, file);
  try {
    for (const p of pages) {
      try {
        const page = await opened.doc.getPage(p);
        let raster;
        try {
          const viewport = page.getViewport({ scale: dpi / 72 });
          const canvas = createCanvas(
            Math.max(1, Math.ceil(viewport.width)),
            Math.max(1, Math.ceil(viewport.height)),
          );
          type RenderCanvas = Parameters<typeof page.render>[0]['canvas'];
          await page.render({ canvas: canvas as unknown as RenderCanvas, viewport }).promise;
          raster = canvasToGray(canvas);
        } finally {
          page.cleanup();
        }
        const r = await ocrPage(await engine(), raster, { page: p, dpi });
        out.push({ page: p, geom: r.geom, issues: r.issues, blank: r.blank });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        out.push({
          page: p,
          geom: { page: p, width: 0, height: 0, words: [], rulings: [], extraction: 'ocr' },
          issues: [{ code: 'UNREADABLE_PAGE', page: p, message: `page ${p}: OCR failed (${reason})` }],
          blank: false,
        });
      }
    }
  } finally {
    await opened.close();
  }
  return out;
}
