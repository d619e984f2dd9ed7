/**
 * One geometry vocabulary for every format: PDF points, top-left origin (like pdfplumber's
 * `top`/`bottom`), so text-layer PDFs, OCR boxes mapped back to points, and the layout stage
 * all speak the same units.
 */
export interface BBox {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export function bboxUnion(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity;
  let top = Infinity;
  let x1 = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.top < top) top = b.top;
    if (b.x1 > x1) x1 = b.x1;
    if (b.bottom > bottom) bottom = b.bottom;
  }
  return { x0, top, x1, bottom };
}

export function bboxToTuple(b: BBox): [number, number, number, number] {
  const r = (n: number) => Math.round(n * 100) / 100;
  return [r(b.x0), r(b.top), r(b.x1), r(b.bottom)];
}
