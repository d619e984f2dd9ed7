/**
 * The resolution to map an image's pixels to PDF points (px × 72 / dpi). A file's own dpi is
 * trusted when it gives a plausible paper size; phone photos and screenshots often say 72 or
 * 96 dpi, which would make an A4 page a metre wide and every point-based tolerance of the layout
 * stage too small. Then the page is taken to be as wide as office paper (A4/F4: 210–215 mm).
 */
import type { ImageFrame } from './header.js';

/** The short side of A4 and F4 paper, inches (210 mm), assumed when the file's dpi is missing or implausible. */
export const ASSUMED_SHORT_SIDE_INCHES = 8.27;
/** Stated resolutions below this are not scanner settings (72/96 dpi are screen defaults). */
export const MIN_PLAUSIBLE_DPI = 100;
/** Stated resolutions above this are not document scans. */
export const MAX_PLAUSIBLE_DPI = 1200;
/** A stated dpi making the short side longer than this (A3's 11.7 in, with margin) is not a page. */
export const MAX_PLAUSIBLE_SHORT_SIDE_INCHES = 12.5;
/** …or shorter than this (a receipt-sized crop is still read, at an assumed size). */
export const MIN_PLAUSIBLE_SHORT_SIDE_INCHES = 3;

export interface Resolution {
  dpiX: number;
  dpiY: number;
  /** True when the file stated it; false when assumed from the page size. */
  stated: boolean;
}

function plausible(dpi: number | null, side: number): dpi is number {
  if (dpi === null || !Number.isFinite(dpi)) return false;
  if (dpi < MIN_PLAUSIBLE_DPI || dpi > MAX_PLAUSIBLE_DPI) return false;
  const inches = side / dpi;
  return inches >= MIN_PLAUSIBLE_SHORT_SIDE_INCHES && inches <= MAX_PLAUSIBLE_SHORT_SIDE_INCHES;
}

/** The frame's resolution, stated or assumed. */
export function frameResolution(f: ImageFrame): Resolution {
  const shortSide = Math.min(f.width, f.height);
  const xShort = f.width <= f.height;
  const dpiX = f.dpiX;
  const dpiY = f.dpiY ?? f.dpiX;
  if (
    plausible(xShort ? dpiX : dpiY, shortSide) &&
    dpiX !== null &&
    dpiY !== null &&
    dpiY >= MIN_PLAUSIBLE_DPI
  ) {
    return { dpiX, dpiY, stated: true };
  }
  const assumed = Math.max(1, shortSide / ASSUMED_SHORT_SIDE_INCHES);
  return { dpiX: assumed, dpiY: assumed, stated: false };
}
