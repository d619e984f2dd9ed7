/**
 * An 8-bit greyscale raster: what every image and rendered PDF page becomes before OCR. One
 * byte per pixel keeps a 300 dpi A4 page under 9 MB, a quarter of the RGBA canvas it came from.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { Canvas, Image } from '@napi-rs/canvas';

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, 0 = black, 255 = white. */
  data: Uint8Array;
}

/**
 * Grey from 4-byte pixels. The weights are symmetric in the first and third channel, so RGBA and
 * BGRA (Skia's native order) give the same result; alpha is ignored (callers flatten on white).
 */
export function fourChannelToGray(px: Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    data[j] = (px[i]! + 2 * px[i + 1]! + px[i + 2]!) >> 2;
  }
  return { width, height, data };
}

/** The canvas's pixels as grey (the canvas was painted on an opaque white background). */
export function canvasToGray(canvas: Canvas): GrayImage {
  return fourChannelToGray(canvas.data(), canvas.width, canvas.height);
}

/** Draws a decoded image on white at the given size (scaling in Skia) and returns it as grey. */
export function imageToGray(image: Image | Canvas, width: number, height: number): GrayImage {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
  return canvasToGray(canvas);
}

/** A grey raster as a canvas (for scaling, encoding and tests). */
export function grayToCanvas(img: GrayImage): Canvas {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const rgba = ctx.createImageData(img.width, img.height);
  const out = rgba.data;
  for (let j = 0, i = 0; j < img.data.length; j++, i += 4) {
    const v = img.data[j]!;
    out[i] = v;
    out[i + 1] = v;
    out[i + 2] = v;
    out[i + 3] = 255;
  }
  ctx.putImageData(rgba, 0, 0);
  return canvas;
}

/** Scales a grey raster by `factor` (Skia's high-quality filter); returns the input when factor is 1. */
export function scaleGray(img: GrayImage, factor: number): GrayImage {
  if (factor === 1) return img;
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  return imageToGray(grayToCanvas(img), width, height);
}

/**
 * Binary PGM (P5): a header and the raw bytes. Leptonica inside tesseract reads it without any
 * decompression, so handing a page to OCR costs a copy instead of a PNG encode.
 */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
