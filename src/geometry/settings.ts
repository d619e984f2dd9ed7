/**
 * Every tolerance of table finding and word grouping, named, with its default and unit, in the
 * manner of pdfplumber's TableSettings. All distances are PDF points unless the name says `Em`
 * (a multiple of the font size of the text concerned).
 */
import { IkiError } from '../errors.js';

export interface TableSettings {
  /**
   * Collinear ruling segments whose positions differ by at most this much are snapped to one line.
   * @defaultValue 3
   */
  snapTolerance: number;
  /**
   * Collinear segments whose ends are at most this far apart are joined into one.
   * @defaultValue 3
   */
  joinTolerance: number;
  /**
   * Segments shorter than this after merging are dropped (underlines of single letters, dots).
   * @defaultValue 3
   */
  edgeMinLength: number;
  /**
   * A horizontal and a vertical rule meet when each reaches within this distance of the other.
   * @defaultValue 3
   */
  intersectionTolerance: number;
  /**
   * A filled rectangle at most this thick is a rule, not a shaded area.
   * @defaultValue 2
   */
  thinRectMax: number;
  /**
   * Cell borders closer than this are one grid line when cells are laid on a grid.
   * @defaultValue 2
   */
  gridTolerance: number;
  /**
   * Words whose bottoms differ by at most this much are on one line.
   * @defaultValue 3
   */
  lineTolerance: number;
  /**
   * In a line of running text, a gap this wide (× font size) or wider is printed as a tab.
   * @defaultValue 2
   */
  tabGapEm: number;
  /**
   * Borderless tables: a horizontal gap at least this wide (× font size) separates two columns.
   * @defaultValue 0.8
   */
  columnGapEm: number;
  /**
   * Borderless tables: a narrower white river (cell padding only) can still separate two columns
   * when it stays white over the table's lines; it is never narrower than this (× font size) nor
   * than 1.6 times the lines' spaces between words.
   * @defaultValue 0.4
   */
  riverMinEm: number;
  /**
   * Borderless tables: a vertical gap larger than this (× font size) between two lines ends the table.
   * @defaultValue 1.5
   */
  tableBreakGapEm: number;
  /**
   * Borderless tables: a vertical gap this much larger (× font size) than the tightest line gap
   * of the table starts a new row.
   * @defaultValue 0.3
   */
  rowGapExtraEm: number;
  /**
   * Borderless tables need at least this many columns (a two-column signature block is not a table).
   * @defaultValue 3
   */
  minBorderlessColumns: number;
  /**
   * Borderless tables need at least this many lines with several columns of text.
   * @defaultValue 2
   */
  minBorderlessRows: number;
}

export const DEFAULT_TABLE_SETTINGS: Readonly<TableSettings> = Object.freeze({
  snapTolerance: 3,
  joinTolerance: 3,
  edgeMinLength: 3,
  intersectionTolerance: 3,
  thinRectMax: 2,
  gridTolerance: 2,
  lineTolerance: 3,
  tabGapEm: 2,
  columnGapEm: 0.8,
  riverMinEm: 0.4,
  tableBreakGapEm: 1.5,
  rowGapExtraEm: 0.3,
  minBorderlessColumns: 3,
  minBorderlessRows: 2,
});

/** Defaults overlaid with `partial`; throws naming the key when a value is negative or not finite. */
export function resolveTableSettings(partial: Partial<TableSettings> = {}): TableSettings {
  const out: TableSettings = { ...DEFAULT_TABLE_SETTINGS };
  for (const [key, value] of Object.entries(partial) as [keyof TableSettings, unknown][]) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_TABLE_SETTINGS)) {
      throw new IkiError('BAD_SETTING', `unknown table setting "${key}"`, { stage: 'layout' });
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new IkiError(
        'BAD_SETTING',
        `table setting "${key}" must be a finite number ≥ 0, got ${String(value)}`,
        {
          stage: 'layout',
        },
      );
    }
    out[key] = value;
  }
  return out;
}
