/**
 * What an image file holds, read from its headers only: format, pages (TIFF frames), pixel size
 * and resolution. The size limit is enforced here, before a single pixel is decoded, so a
 * 20,000 × 20,000 scan is refused without allocating 1.6 GB; a file cut short is refused too
 * (a partly decoded page would read as a page with its bottom missing).
 */
import UTIF from 'utif2';
import { BadInputError } from '../../errors.js';

/** Larger images are refused: 60 MP is an A3 page at 500 dpi; an RGBA decode of it needs 240 MB. */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** Longer sides are refused (Skia and leptonica both misbehave on very long rasters). */
export const MAX_IMAGE_SIDE = 20_000;
/** TIFF files with more frames are refused as too large (matches the PDF reader's page limit). */
export const MAX_IMAGE_PAGES = 2000;
/** Search this far back from the end of a JPEG for its end-of-image marker (some writers pad). */
const JPEG_EOI_SEARCH_BYTES = 4096;
/** Inches per metre, for PNG's pixels-per-metre. */
const INCHES_PER_METRE = 39.3700787;

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export interface ImageFrame {
  width: number;
  height: number;
  /** Horizontal and vertical resolution from the file, or null when it states none. */
  dpiX: number | null;
  dpiY: number | null;
  /** Index of the frame in the file (TIFF IFD order); 0 for single-image formats. */
  index: number;
}

export interface ImageProbe {
  format: ImageFormat;
  mediaType: string;
  frames: ImageFrame[];
}

export const IMAGE_MEDIA_TYPES: Readonly<Record<ImageFormat, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

function bad(file: string, message: string, page?: number): BadInputError {
  return new BadInputError(
    message,
    page === undefined ? { file, stage: 'read' } : { file, stage: 'read', page },
  );
}

const u16be = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32be = (b: Uint8Array, o: number) =>
  ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const at = (sig: number[]) => sig.every((v, i) => bytes[i] === v);
  if (at([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at([0xff, 0xd8, 0xff])) return 'jpeg';
  if (at([0x49, 0x49, 0x2a, 0x00]) || at([0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

function probePng(b: Uint8Array, file: string): ImageFrame {
  let width = 0;
  let height = 0;
  let dpiX: number | null = null;
  let dpiY: number | null = null;
  let o = 8;
  let ended = false;
  while (o + 8 <= b.length) {
    const len = u32be(b, o);
    const type = String.fromCharCode(b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!);
    const data = o + 8;
    if (data + len + 4 > b.length) break;
    if (type === 'IHDR' && len >= 8) {
      width = u32be(b, data);
      height = u32be(b, data + 4);
    } else if (type === 'pHYs' && len >= 9 && b[data + 8] === 1) {
      dpiX = u32be(b, data) / INCHES_PER_METRE;
      dpiY = u32be(b, data + 4) / INCHES_PER_METRE;
    } else if (type === 'IEND') {
      ended = true;
      break;
    }
    o = data + len + 4;
  }
  if (!width || !height) throw bad(file, 'damaged PNG: no image header (IHDR)');
  checkSize(width, height, file);
  if (!ended) throw bad(file, 'the PNG is truncated (it stops before its end chunk); upload the whole file');
  return { width, height, dpiX, dpiY, index: 0 };
}

/** SOF markers that carry the frame size (not DHT C4, JPG C8, DAC CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function probeJpeg(b: Uint8Array, file: string): ImageFrame {
  let width = 0;
  let height = 0;
  let dpiX: number | null = null;
  let dpiY: number | null = null;
  let o = 2;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) break;
    const m = b[o + 1]!;
    if (m === 0xff) {
      o++;
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      o += 2;
      continue;
    }
    if (m === 0xd9 || m === 0xda) break;
    const len = u16be(b, o + 2);
    const seg = o + 4;
    if (isSof(m) && seg + 5 <= b.length) {
      height = u16be(b, seg + 1);
      width = u16be(b, seg + 3);
    } else if (
      m === 0xe0 &&
      seg + 12 <= b.length &&
      String.fromCharCode(...b.subarray(seg, seg + 5)) === 'JFIF\0'
    ) {
      const unit = b[seg + 7];
      const x = u16be(b, seg + 8);
      const y = u16be(b, seg + 10);
      // Unit 1 = dots per inch, 2 = dots per cm; 0 = aspect ratio only.
      if (unit === 1 || unit === 2) {
        const k = unit === 2 ? 2.54 : 1;
        dpiX = x * k || null;
        dpiY = y * k || null;
      }
    }
    o = seg + len - 2;
  }
  if (!width || !height) {
    throw bad(
      file,
      o + 4 > b.length || o > b.length
        ? 'the JPEG is truncated (it ends inside its headers); upload the whole file'
        : 'damaged JPEG: no frame header (SOF) before the image data',
    );
  }
  checkSize(width, height, file);
  let hasEnd = false;
  for (let i = b.length - 2; i >= Math.max(0, b.length - JPEG_EOI_SEARCH_BYTES); i--) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) {
      hasEnd = true;
      break;
    }
  }
  if (!hasEnd) throw bad(file, 'the JPEG is truncated (no end-of-image marker); upload the whole file');
  return { width, height, dpiX, dpiY, index: 0 };
}

type Ifd = UTIF.IFD;

function tagNumber(ifd: Ifd, tag: number): number | null {
  const v = ifd[`t${tag}`] as unknown;
  if (!Array.isArray(v) || v.length === 0) return null;
  const first = v[0] as unknown;
  if (typeof first === 'number') return first;
  if (
    Array.isArray(first) &&
    typeof first[0] === 'number' &&
    typeof first[1] === 'number' &&
    first[1] !== 0
  ) {
    return first[0] / first[1];
  }
  return null;
}

function tagNumbers(ifd: Ifd, tag: number): number[] {
  const v = ifd[`t${tag}`] as unknown;
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

/** The TIFF's image directories, without decoding pixels. */
export function readTiffIfds(b: Uint8Array, file: string): Ifd[] {
  try {
    const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    // The typings omit decode's second (options) argument; MakerNotes are camera data we never need.
    const decode = UTIF.decode as (b: ArrayBuffer, prm: { parseMN: boolean; debug: boolean }) => Ifd[];
    return decode(buf, { parseMN: false, debug: false });
  } catch (err) {
    throw new BadInputError('damaged TIFF: its directory could not be read; the file may be truncated', {
      file,
      stage: 'read',
      cause: err,
    });
  }
}

function tiffDpi(ifd: Ifd, tag: number): number | null {
  const v = tagNumber(ifd, tag);
  if (v === null || !(v > 0)) return null;
  const unit = tagNumber(ifd, 296) ?? 2; // 1 none, 2 inch, 3 centimetre
  if (unit === 1) return null;
  return unit === 3 ? v * 2.54 : v;
}

function probeTiff(b: Uint8Array, file: string): ImageFrame[] {
  const ifds = readTiffIfds(b, file);
  const frames: ImageFrame[] = [];
  ifds.forEach((ifd, index) => {
    // NewSubfileType bit 0: a reduced-resolution copy (thumbnail) of another frame.
    if (((tagNumber(ifd, 254) ?? 0) & 1) === 1) return;
    const width = tagNumber(ifd, 256) ?? 0;
    const height = tagNumber(ifd, 257) ?? 0;
    if (!width || !height) return;
    const page = frames.length + 1;
    checkSize(width, height, file, page);
    const offsets = tagNumbers(ifd, 273).length ? tagNumbers(ifd, 273) : tagNumbers(ifd, 324);
    const counts = tagNumbers(ifd, 279).length ? tagNumbers(ifd, 279) : tagNumbers(ifd, 325);
    if (!offsets.length) throw bad(file, `damaged TIFF: page ${page} has no image data`, page);
    const end = Math.max(...offsets.map((off, i) => off + (counts[i] ?? 0)));
    if (end > b.length)
      throw bad(
        file,
        `the TIFF is truncated (page ${page}'s image data runs past the end of the file)`,
        page,
      );
    frames.push({ width, height, dpiX: tiffDpi(ifd, 282), dpiY: tiffDpi(ifd, 283), index });
  });
  if (frames.length === 0) throw bad(file, 'the TIFF holds no image');
  if (frames.length > MAX_IMAGE_PAGES) {
    throw bad(file, `the TIFF has ${frames.length} pages; the limit is ${MAX_IMAGE_PAGES}`);
  }
  return frames;
}

/** Refuses an image over the pixel limits, naming its size and the limit. */
export function checkSize(width: number, height: number, file: string, page?: number): void {
  const mp = (width * height) / 1e6;
  if (width * height > MAX_IMAGE_PIXELS || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    const where = page === undefined ? 'the image' : `page ${page} of the image`;
    throw bad(
      file,
      `${where} is ${width} × ${height} pixels (${mp.toFixed(1)} megapixels); the limit is ` +
        `${MAX_IMAGE_PIXELS / 1e6} megapixels and ${MAX_IMAGE_SIDE} pixels a side — scan at 300 dpi`,
      page,
    );
  }
}

/** Format, frames, sizes and resolutions from the headers; throws BadInputError for bad input. */
export function probeImage(bytes: Uint8Array, file: string): ImageProbe {
  if (bytes.length === 0) throw bad(file, 'the file is empty (0 bytes)');
  const format = sniffImageFormat(bytes);
  if (!format) throw bad(file, 'not a PNG, JPEG or TIFF image; convert it to one of those (or to PDF)');
  const frames =
    format === 'png'
      ? [probePng(bytes, file)]
      : format === 'jpeg'
        ? [probeJpeg(bytes, file)]
        : probeTiff(bytes, file);
  return { format, mediaType: IMAGE_MEDIA_TYPES[format], frames };
}
