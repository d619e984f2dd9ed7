/**
 * XLSX through exceljs: one worksheet per table, a bold frozen header row with filters, text
 * kept as text (a NIP stays "197410181994031003", never 1.97E+17).
 */
import ExcelJS from 'exceljs';
import type { Cell, Table } from './table.js';

/** Excel refuses longer cell text. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Widest column, in characters; long text wraps instead. */
const MAX_COLUMN_WIDTH = 60;
/** Narrowest column, in characters. */
const MIN_COLUMN_WIDTH = 6;

function excelCell(cell: Cell): string | number | null {
  if (typeof cell === 'string' && cell.length > EXCEL_MAX_CELL_CHARS) {
    return `${cell.slice(0, EXCEL_MAX_CELL_CHARS - 1)}…`;
  }
  return cell;
}

export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'iki';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns);
    for (const row of table.rows) sheet.addRow(row.map(excelCell));
    sheet.getRow(1).font = { bold: true };
    if (table.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
    table.columns.forEach((name, i) => {
      const longest = Math.max(
        name.length,
        ...table.rows.map((r) => {
          const v = r[i];
          return v === null || v === undefined
            ? 0
            : Math.max(
                ...String(v)
                  .split('\n')
                  .map((l) => l.length),
              );
        }),
      );
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(Math.max(longest + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH);
      if (longest > MAX_COLUMN_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
