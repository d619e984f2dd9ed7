/** Exports of contract files: CSV (indikator rows), XLSX (indikator, flags, signatures), JSON. */
import type { ExtractedFile } from '../contract/schema.js';
import { toCsv } from './csv.js';
import { flagTable, indikatorTable, penandatanganTable } from './table.js';
import { toXlsx } from './xlsx.js';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json'];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/**
 * The files in one format. CSV: one row per indikator with its section's fields (a spreadsheet
 * holds one table); XLSX: sheets Indikator, Flags and Penandatangan; JSON: the contract files.
 */
export async function exportRows(results: readonly ExtractedFile[], format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return Buffer.from(toCsv(indikatorTable(results)), 'utf8');
    case 'xlsx':
      return toXlsx([indikatorTable(results), flagTable(results), penandatanganTable(results)]);
    case 'json':
      return Buffer.from(`${JSON.stringify(results, null, 2)}\n`, 'utf8');
  }
}

export { type ExportFilter, collectResults } from './select.js';
