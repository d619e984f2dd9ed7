/** A table row with its cells assigned to fields, before cleaning and carry-down. */
import type { BBox } from '../ir/geometry.js';
import type { ColumnRole } from './vocabulary.js';

export type FieldRole = Exclude<ColumnRole, 'target' | 'unknown'>;

export interface RawRow {
  /** Printed lines of each field's cell. */
  cells: Partial<Record<FieldRole, string[]>>;
  /** Year → printed target text. */
  targets: Record<string, string>;
  page: number | null;
  bbox: BBox | null;
  /** Lowest OCR confidence per field, when OCR was used. */
  confidence?: Partial<Record<FieldRole, number>>;
  /** Fields whose printed cell spans this many rows (known from geometry). */
  spans?: Partial<Record<FieldRole, number>>;
}

export interface RawTable {
  /** Column roles in printed order (for TARGET_MISSING_YEAR and carry-down decisions). */
  roles: ColumnRole[];
  /** Year columns, in printed order. */
  years: string[];
  /** Year headings that print "%" ("2018 (%)"). */
  percentYears: boolean;
  rows: RawRow[];
  /** Where the cell lines are printed lines (true: PDF, flattened text) rather than list items. */
  wrappedLines: boolean;
  /** How the table was read, for diagnostics. */
  origin: 'markdown' | 'html' | 'tsv' | 'pdf-grid' | 'ocr-grid' | 'docx' | 'layout' | 'flattened';
}
