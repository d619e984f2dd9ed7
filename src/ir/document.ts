/**
 * The intermediate representations exchanged between stages, one per boundary:
 *
 *   bytes ─read→ SourceDocument ─layout→ LayoutDocument (pages of words/rulings, blocks)
 *         ─segment→ FormSegment[] ─header/table→ SectionDraft[] ─flags→ contract Section[]
 *
 * Every reader (plain text, markdown, tab export, text-layer PDF, OCR, docx) ends in a
 * LayoutDocument, so one parser serves every format.
 */
import type { BBox } from './geometry.js';

export const IR_VERSION = 1 as const;

export type MediaKind = 'text' | 'markdown' | 'pdf' | 'image' | 'docx';

/** A positioned word from a PDF text layer or from OCR. */
export interface Word {
  text: string;
  bbox: BBox;
  /** Font size in points, where the source knows it. */
  fontSize?: number;
  /** OCR confidence 0–100; absent for a text layer. */
  confidence?: number;
}

/** A drawn table rule (line segment or thin rectangle edge). */
export interface RulingLine {
  orientation: 'h' | 'v';
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

/** One page as geometry: what pdfjs-dist or tesseract saw. */
export interface PageGeom {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  words: Word[];
  rulings: RulingLine[];
  /** How this page's words were obtained. */
  extraction: 'pdf-text' | 'ocr';
  /** Mean OCR confidence of the page, 0–100, when OCR was used. */
  meanConfidence?: number;
}

/** A line of text with where it came from. Text files have no page or bbox. */
export interface LineBlock {
  kind: 'line';
  text: string;
  /** 0-based index of the line in the decoded text, or the reading-order index for PDFs. */
  lineNo: number;
  page: number | null;
  bbox: BBox | null;
  /** Horizontal position in characters (text) or points (PDF) of the first glyph. */
  indent: number;
}

export interface TableCell {
  /** Cell text, its printed lines joined by '\n' (cleaning happens later, in one place). */
  text: string;
  bbox: BBox | null;
  /** Lowest OCR confidence of the words in the cell, when OCR was used. */
  confidence?: number;
  /** The cell spans this many rows / columns (1 when not merged). */
  rowSpan?: number;
  colSpan?: number;
}

export interface TableRow {
  cells: TableCell[];
  page: number | null;
  bbox: BBox | null;
}

/**
 * A table whose grid is known: markdown and tab exports, PDF grids from rulings or word
 * geometry, docx tables. A row's cells are in column order; a cell covered by a span from the
 * row above is an empty cell, so spans are carried down by the records stage.
 */
export interface TableBlock {
  kind: 'table';
  rows: TableRow[];
  origin: 'markdown' | 'html' | 'tsv' | 'pdf-grid' | 'ocr-grid' | 'docx' | 'layout';
  page: number | null;
  bbox: BBox | null;
  /** First line index (text) or reading order index (PDF), for ordering with lines. */
  lineNo: number;
}

export type Block = LineBlock | TableBlock;

export interface SourceInfo {
  file: string;
  sha256: string;
  mediaType: string;
  pages: number | null;
  extraction: 'pdf-text' | 'ocr' | 'text' | 'mixed';
}

/** What every reader produces. */
export interface LayoutDocument {
  irVersion: typeof IR_VERSION;
  source: SourceInfo;
  /** Geometry per page (PDF, image); empty for text inputs. */
  pages: PageGeom[];
  /** Reading-order blocks. */
  blocks: Block[];
  /** Problems met while reading (unreadable page, low confidence), kept as data. */
  issues: ReadIssue[];
}

export interface ReadIssue {
  code: 'UNREADABLE_PAGE' | 'LOW_OCR_CONFIDENCE' | 'TRUNCATED_INPUT' | 'NO_TEXT';
  page: number | null;
  message: string;
}
