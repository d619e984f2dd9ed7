/**
 * One frame of an image file → a grey raster at the requested size. PNG and JPEG are decoded by
 * Skia (@napi-rs/canvas), which scales while drawing; TIFF by utif2 (Skia has no TIFF decoder,
 * and @napi-rs/canvas 0.1.100 crashes the process on TIFF bytes, so they never reach it). Callers
 * have checked the size limits (probeImage) before calling.
 */
import { loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { BadInputError } from '../../errors.js';
import type { GrayImage } from './gray.js';
import { fourChannelToGray, grayToCanvas, imageToGray } from './gray.js';
import type { ImageFormat, ImageFrame } from './header.js';
import { readTiffIfds } from './header.js';

export interface DecodeTarget {
  width: number;
  height: number;
}

function decodeError(file: string, format: ImageFormat, page: number, cause: unknown): BadInputError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BadInputError(`the ${format.toUpperCase()} image data could not be decoded (${reason})`, {
    file,
    stage: 'decode',
    page,
    cause,
  });
}

async function decodeSkia(bytes: Uint8Array, target: DecodeTarget): Promise<GrayImage> {
  // A Buffer, never a string: loadImage would treat a string as a path or URL.
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return imageToGray(image, target.width, target.height);
}

function decodeTiff(bytes: Uint8Array, frame: ImageFrame, target: DecodeTarget, file: string): GrayImage {
  const ifd = readTiffIfds(bytes, file)[frame.index];
  if (!ifd) throw new Error(`frame ${frame.index} is missing`);
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  UTIF.decodeImage(buf, ifd);
  const rgba = UTIF.toRGBA8(ifd);
  const full = fourChannelToGray(rgba, frame.width, frame.height);
  if (target.width === frame.width && target.height === frame.height) return full;
  return imageToGray(grayToCanvas(full), target.width, target.height);
}

/** Decodes frame `frame` (page `page`, 1-based, for messages) scaled to `target`. */
export async function decodeFrame(
  bytes: Uint8Array,
  format: ImageFormat,
  frame: ImageFrame,
  target: DecodeTarget,
  file: string,
  page: number,
): Promise<GrayImage> {
  try {
    return format === 'tiff' ? decodeTiff(bytes, frame, target, file) : await decodeSkia(bytes, target);
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    throw decodeError(file, format, page, err);
  }
}
