import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractedFile } from '../../src/contract/schema.js';
import { csvField, toCsv, UTF8_BOM } from '../../src/export/csv.js';
import { exportRows } from '../../src/export/index.js';
import { flagTable, indikatorTable, penandatanganTable } from '../../src/export/table.js';
import { gold } from '../store/harness.js';
import { parseCsv } from './csv-parse.js';

const GOLD = [0, 1, 2, 3].map((i) => gold(i));
const rowCount = (files: ExtractedFile[]) =>
  files.reduce((a, f) => a + f.sections.reduce((b, s) => b + Math.max(1, s.indikator.length), 0), 0);
const flagCount = (files: ExtractedFile[]) =>
  files.reduce((a, f) => a + f.flags.length + f.sections.reduce((b, s) => b + s.flags.length, 0), 0);

describe('CSV fields (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text bare', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
    expect(csvField(90)).toBe('90');
    expect(csvField(-5)).toBe('-5');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+62 811')).toBe("'+62 811");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('round-trips any table through a standard reader', () => {
    const cell = fc.string({ maxLength: 20 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 6 }),
        (w, rows) => {
          const columns = ['a', 'b', 'c', 'd', 'e'].slice(0, w);
          const body = rows.map((r) => r.slice(0, w));
          const text = toCsv({ name: 't', columns, rows: body });
          expect(text.startsWith(UTF8_BOM)).toBe(true);
          expect(parseCsv(text.slice(1))).toEqual([columns, ...body]);
        },
      ),
    );
  });
});

describe('tables', () => {
  it('has one indikator row per row (one per empty section), with year columns in order', () => {
    const t = indikatorTable(GOLD);
    expect(t.rows).toHaveLength(rowCount(GOLD));
    const years = t.columns.filter((c) => c.startsWith('target ')).map((c) => Number(c.slice(7)));
    expect(years.length).toBeGreaterThan(0);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
  });

  it('puts each row its own flag codes and its targets under the right year', () => {
    const file = GOLD.find((f) =>
      f.sections.some((s) => s.flags.some((fl) => fl.path?.startsWith('indikator['))),
    )!;
    const t = indikatorTable([file]);
    const si = file.sections.findIndex((s) => s.flags.some((fl) => fl.path?.startsWith('indikator[')));
    const flag = file.sections[si]!.flags.find((fl) => fl.path?.startsWith('indikator['))!;
    const ri = Number(/^indikator\[(\d+)\]/.exec(flag.path!)![1]);
    const offset = file.sections.slice(0, si).reduce((a, s) => a + Math.max(1, s.indikator.length), 0);
    const row = t.rows[offset + ri]!;
    expect(String(row[t.columns.indexOf('flags')])).toContain(flag.code);
    const target = file.sections[si]!.indikator[ri]!.target;
    for (const [year, value] of Object.entries(target))
      expect(row[t.columns.indexOf(`target ${year}`)]).toBe(value);
  });

  it('lists every flag and every signature block', () => {
    expect(flagTable(GOLD).rows).toHaveLength(flagCount(GOLD));
    const signers = GOLD.reduce((a, f) => a + f.sections.reduce((b, s) => b + s.penandatangan.length, 0), 0);
    expect(penandatanganTable(GOLD).rows).toHaveLength(signers);
  });
});

describe('exportRows', () => {
  it('JSON is the contract files, unchanged', async () => {
    const parsed = JSON.parse((await exportRows(GOLD, 'json')).toString('utf8')) as unknown[];
    expect(parsed.map((f) => ExtractedFile.parse(f))).toEqual(GOLD.map((f) => ExtractedFile.parse(f)));
  });

  it('CSV parses back to the indikator table', async () => {
    const text = (await exportRows(GOLD, 'csv')).toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    const t = indikatorTable(GOLD);
    expect(rows[0]).toEqual(t.columns);
    expect(rows).toHaveLength(t.rows.length + 1);
    const col = t.columns.indexOf('indikator');
    expect(rows.slice(1).map((r) => r[col])).toEqual(
      t.rows.map((r) => (r[col] === null ? '' : String(r[col]))),
    );
  });

  it('XLSX has the three sheets, the row counts, and NIPs kept as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRows(GOLD, 'xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Indikator', 'Flags', 'Penandatangan']);
    expect(wb.getWorksheet('Indikator')!.rowCount).toBe(rowCount(GOLD) + 1);
    expect(wb.getWorksheet('Flags')!.rowCount).toBe(flagCount(GOLD) + 1);
    const sheet = wb.getWorksheet('Penandatangan')!;
    const header = sheet.getRow(1).values as (string | undefined)[];
    const nipCol = header.indexOf('nip');
    const nips: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(nipCol).value !== null) nips.push(row.getCell(nipCol).value);
    });
    expect(nips.length).toBeGreaterThan(0);
    expect(nips.every((v) => typeof v === 'string')).toBe(true);
  });

  it('writes a header-only export for no documents', async () => {
    expect(parseCsv((await exportRows([], 'csv')).toString('utf8').slice(1))).toHaveLength(1);
    expect(JSON.parse((await exportRows([], 'json')).toString('utf8'))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRows([], 'xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.rowCount)).toEqual([1, 1, 1]);
  });
});
