/** The OCR raster's resolution: OCR_DPI by default, or the resolution a caller asks for. */
import { describe, expect, it } from 'vitest';
import { DOWNSCALE_ABOVE_FACTOR, ocrRaster } from '../../src/read/image/index.js';
import { OCR_DPI } from '../../src/read/ocr/pdf.js';

const a4 = (dpi: number) => ({
  width: Math.round(8.27 * dpi),
  height: Math.round(11.69 * dpi),
  dpiX: dpi,
  dpiY: dpi,
  index: 0,
});

describe('ocrRaster', () => {
  it('scales coarse scans up and fine ones down to OCR_DPI, keeps those near it', () => {
    expect(ocrRaster(a4(150)).dpi).toBe(OCR_DPI);
    expect(ocrRaster(a4(600)).dpi).toBe(OCR_DPI);
    expect(ocrRaster(a4(OCR_DPI + 10)).dpi).toBe(OCR_DPI + 10);
  });

  it('aims at the requested resolution, never scaling a scan up past it', () => {
    expect(ocrRaster(a4(150), 200)).toMatchObject({
      dpi: 200,
      width: Math.round((a4(150).width * 200) / 150),
    });
    expect(ocrRaster(a4(200), 200).dpi).toBe(200);
    expect(ocrRaster(a4(200), 250).dpi).toBe(250);
    expect(ocrRaster(a4(Math.ceil(250 * DOWNSCALE_ABOVE_FACTOR) + 1), 250).dpi).toBe(250);
  });
});
