/**
 * Second look at ruled cells that came back empty. Tesseract's page layout analysis drops small
 * isolated marks — a target "0", a "2" in a narrow year column, a lone "-" — as noise. A cell of
 * the ruled grid that holds ink but no word is cut out (rules already erased) and recognised on
 * its own as one block of text, which reads such marks reliably; the words are put back at
 * their place on the page.
 */
import type { BBox } from '../../ir/geometry.js';
import type { PageGeom } from '../../ir/document.js';
import { edgesToIntersections, intersectionsToCells } from '../../geometry/cells.js';
import { mergeEdges } from '../../geometry/edges.js';
import { centre, contains } from '../../geometry/lines.js';
import type { TableSettings } from '../../geometry/settings.js';
import type { GrayImage } from '../image/gray.js';
import type { OcrEngine, OcrWord } from './engine.js';

/** Cell borders are skipped by this much (points) when looking for ink: rule remnants, not content. */
export const CELL_INSET_PT = 2;
/** A cell needs this much ink (square points) to be worth a look: a hyphen has about 2. */
export const MIN_CELL_INK_PT2 = 1.5;
/** Crops get this much white margin (points): tesseract needs some paper around the glyphs. */
const CROP_MARGIN_PT = 6;
/** At most this many cells per page get a second look (bounds the time on a pathological page). */
export const MAX_RESCUED_CELLS = 80;
/** Page segmentation for a cell: 6 = one uniform block of text. */
const CELL_PAGE_SEG_MODE = '6';

interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The cells of the page's ruled grids (points), as the table geometry sees them. */
export function ruledCells(geom: PageGeom, s: TableSettings): BBox[] {
  const edges = mergeEdges(geom.rulings, s);
  return intersectionsToCells(edgesToIntersections(edges, s.intersectionTolerance, s.intersectionTolerance));
}

/** Bounding box of the ink inside `box` (pixels), or null when there is less than `minInk` pixels of it. */
function inkBox(img: GrayImage, box: PixelBox, threshold: number, minInk: number): PixelBox | null {
  let n = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * img.width;
    for (let x = box.x0; x < box.x1; x++) {
      if (img.data[row + x]! < threshold) {
        n++;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return n >= minInk ? { x0, y0, x1: x1 + 1, y1: y1 + 1 } : null;
}

function crop(img: GrayImage, box: PixelBox, margin: number): GrayImage {
  const width = box.x1 - box.x0 + 2 * margin;
  const height = box.y1 - box.y0 + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = box.y0; y < box.y1; y++) {
    const src = y * img.width;
    data.set(img.data.subarray(src + box.x0, src + box.x1), (y - box.y0 + margin) * width + margin);
  }
  return { width, height, data };
}

/**
 * Words found in ruled cells that hold ink but no word of `words` (pixel boxes, like the page
 * pass). `img` is the page as given to tesseract (upright, rules erased).
 */
export async function rescueEmptyCells(
  engine: OcrEngine,
  img: GrayImage,
  geom: PageGeom,
  words: readonly OcrWord[],
  threshold: number,
  dpi: number,
  s: TableSettings,
): Promise<OcrWord[]> {
  const px = dpi / 72;
  const inset = Math.ceil(CELL_INSET_PT * px);
  const minInk = MIN_CELL_INK_PT2 * px * px;
  const margin = Math.round(CROP_MARGIN_PT * px);
  const centres = words.map((w) => ({ x: (w.x0 + w.x1) / 2 / px, y: (w.y0 + w.y1) / 2 / px }));
  const found: OcrWord[] = [];
  let tried = 0;
  for (const cell of ruledCells(geom, s)) {
    if (tried >= MAX_RESCUED_CELLS) break;
    if (centres.some((c) => contains(cell, c.x, c.y))) continue;
    const box: PixelBox = {
      x0: Math.max(0, Math.round(cell.x0 * px) + inset),
      y0: Math.max(0, Math.round(cell.top * px) + inset),
      x1: Math.min(img.width, Math.round(cell.x1 * px) - inset),
      y1: Math.min(img.height, Math.round(cell.bottom * px) - inset),
    };
    if (box.x1 - box.x0 < 4 || box.y1 - box.y0 < 4) continue;
    const ink = inkBox(img, box, threshold, minInk);
    if (!ink) continue;
    tried++;
    const got = await engine.recognize(crop(img, ink, margin), dpi, CELL_PAGE_SEG_MODE);
    const dx = ink.x0 - margin;
    const dy = ink.y0 - margin;
    for (const w of got) {
      const moved: OcrWord = {
        ...w,
        x0: w.x0 + dx,
        x1: w.x1 + dx,
        y0: w.y0 + dy,
        y1: w.y1 + dy,
        baseline: w.baseline === null ? null : w.baseline + dy,
      };
      const c = centre({ x0: moved.x0 / px, top: moved.y0 / px, x1: moved.x1 / px, bottom: moved.y1 / px });
      if (contains(cell, c.x, c.y)) found.push(moved);
    }
  }
  return found;
}
