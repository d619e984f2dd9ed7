/**
 * The PDF fixture variants: which gold sections each generated PDF prints and how it is laid
 * out. Shared by make-pdf-fixtures.ts (which prints them) and make-fixture-gold.ts (which writes
 * the gold restricted to those sections, so `npm run eval` scores a PDF against what it holds).
 */
export interface Variant {
  name: string;
  seed: string;
  /** Which sections of the gold to print (keeps the committed PDFs small). */
  sections: number[];
  font: 'serif' | 'sans';
  borders: boolean;
  landscape: boolean;
  /** Page height in mm; F4/folio (330 mm) is what Indonesian offices print on. */
  pageHeightMm: number;
  /** Lay the landscape page sideways on a portrait sheet, then set /Rotate 90 so it shows upright. */
  rotate?: boolean;
  /** Leave the content sideways without /Rotate (a sideways scan-to-PDF): the reader must turn it. */
  sideways?: boolean;
  encrypt?: boolean;
}

export const VARIANTS: Variant[] = [
  {
    name: 'bordered',
    seed: '000_7b2aa8f5eb30b1d2',
    sections: [0, 1],
    font: 'serif',
    borders: true,
    landscape: false,
    pageHeightMm: 297,
  },
  {
    name: 'borderless',
    seed: '001_5e37c471fde3e7ca',
    sections: [1, 2],
    font: 'sans',
    borders: false,
    landscape: false,
    pageHeightMm: 297,
  },
  {
    name: 'landscape',
    seed: '002_b8c477cb9f4f63a8',
    sections: [0, 1],
    font: 'sans',
    borders: true,
    landscape: true,
    pageHeightMm: 330,
  },
  {
    name: 'longtable',
    seed: '004_a55da81a764d711e',
    sections: [7],
    font: 'serif',
    borders: true,
    landscape: false,
    pageHeightMm: 297,
  },
  {
    name: 'rotated',
    seed: '002_b8c477cb9f4f63a8',
    sections: [0],
    font: 'serif',
    borders: true,
    landscape: true,
    pageHeightMm: 330,
    rotate: true,
  },
  {
    name: 'sideways',
    seed: '002_b8c477cb9f4f63a8',
    sections: [0],
    font: 'serif',
    borders: true,
    landscape: true,
    pageHeightMm: 330,
    sideways: true,
  },
  {
    name: 'encrypted',
    seed: '000_7b2aa8f5eb30b1d2',
    sections: [0],
    font: 'serif',
    borders: true,
    landscape: false,
    pageHeightMm: 297,
    encrypt: true,
  },
];
