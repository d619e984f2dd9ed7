/**
 * readPdf on the PDFs that scripts/make-pdf-fixtures.ts lays out from the gold forms: the
 * table cells must carry the gold's text, rows their page and a bbox inside the page.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutDocument, TableBlock, TableRow } from '../../src/ir/document.js';
import { readPdf } from '../../src/read/pdf/index.js';

interface GoldRow {
  no: string | null;
  sasaran: string | null;
  indikator: string | null;
  formulasi: string | null;
  penjelasan: string[];
  target: Record<string, number | string>;
  sumberData: string[];
}
interface Gold {
  sections: { indikator: GoldRow[] }[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const gold = (id: string) => JSON.parse(readFileSync(`fixtures/gold/${id}.json`, 'utf8')) as Gold;
const read = async (name: string) =>
  readPdf(new Uint8Array(readFileSync(`fixtures/pdf/${name}.pdf`)), { file: `${name}.pdf` });
const tables = (d: LayoutDocument) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const allRows = (d: LayoutDocument) => tables(d).flatMap((t) => t.rows);
const rowWith = (d: LayoutDocument, text: string) =>
  allRows(d).find((r) => r.cells.some((c) => norm(c.text) === norm(text)));
const texts = (r: TableRow) => r.cells.map((c) => norm(c.text));

/** Share of gold fields (indikator, formulasi, sumberData, targets) found in the row that holds the indikator. */
function cellAccuracy(d: LayoutDocument, rows: GoldRow[]): { hit: number; total: number } {
  let hit = 0;
  let total = 0;
  for (const g of rows) {
    if (!g.indikator) continue;
    const row = rowWith(d, g.indikator);
    total++;
    if (!row) continue;
    hit++;
    const cells = texts(row);
    if (g.formulasi && g.penjelasan.length === 0) {
      total++;
      if (cells.includes(norm(g.formulasi))) hit++;
    }
    if (g.sumberData.length > 0) {
      total++;
      const printed =
        g.sumberData.length > 1 ? g.sumberData.map((x) => `- ${x}`).join(' ') : g.sumberData[0]!;
      if (cells.includes(norm(printed))) hit++;
    }
    for (const v of Object.values(g.target)) {
      total++;
      if (cells.includes(String(v))) hit++;
    }
  }
  return { hit, total };
}

function expectRowsInsidePages(d: LayoutDocument): void {
  for (const t of tables(d)) {
    const page = d.pages.find((p) => p.page === t.page)!;
    expect(page).toBeDefined();
    for (const r of t.rows) {
      expect(r.page).toBe(t.page);
      expect(r.bbox).not.toBeNull();
      expect(r.bbox!.x0).toBeGreaterThanOrEqual(0);
      expect(r.bbox!.top).toBeGreaterThanOrEqual(0);
      expect(r.bbox!.x1).toBeLessThanOrEqual(page.width);
      expect(r.bbox!.bottom).toBeLessThanOrEqual(page.height);
      expect(r.bbox!.x1).toBeGreaterThan(r.bbox!.x0);
      expect(r.bbox!.bottom).toBeGreaterThan(r.bbox!.top);
    }
  }
}

describe('readPdf: bordered portrait table (000, serif)', () => {
  let d: LayoutDocument;
  beforeAll(async () => {
    d = await read('000_7b2aa8f5eb30b1d2-bordered');
  });

  it('reports source and pages', () => {
    expect(d.source).toMatchObject({ mediaType: 'application/pdf', extraction: 'pdf-text', pages: 4 });
    expect(d.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(d.issues).toEqual([]);
  });

  it('reads header and rows cell by cell, lines kept as \\n', () => {
    const t = tables(d)[0]!;
    expect(texts(t.rows[0]!)).toEqual([
      'NO',
      'SASARAN',
      'INDIKATOR KINERJA',
      'FORMULASI PERHITUNGAN / PENJELASAN',
      'SUMBER DATA',
    ]);
    const g = gold('000_7b2aa8f5eb30b1d2').sections[0]!.indikator[0]!;
    expect(texts(t.rows[1]!)).toEqual([
      '1.',
      g.sasaran,
      g.indikator,
      g.formulasi,
      g.sumberData.map((s) => `- ${s}`).join(' '),
    ]);
    expect(t.rows[1]!.cells[1]!.text).toContain('\n');
  });

  it('continues the table on the next page with its header repeated, and a row span', () => {
    const onPage2 = tables(d).filter((t) => t.page === 2);
    expect(onPage2).toHaveLength(1);
    const t = onPage2[0]!;
    expect(norm(t.rows[0]!.cells[1]!.text)).toBe('SASARAN');
    // Row 5 prints its sasaran once for two indicators.
    expect(t.rows[1]!.cells[0]!).toMatchObject({ text: '5.', rowSpan: 2 });
    expect(t.rows[2]!.cells[0]!).toEqual({ text: '', bbox: null });
    expect(t.rows[2]!.cells[1]!).toEqual({ text: '', bbox: null });
    expect(t.rows.every((r) => r.cells.length === 5)).toBe(true);
  });

  it('keeps text outside tables as lines, in reading order, with the signature pair split by a tab', () => {
    const lines = d.blocks.filter((b) => b.kind === 'line');
    expect(lines[0]).toMatchObject({ kind: 'line', text: 'INDIKATOR KINERJA INDIVIDU', page: 1 });
    expect(lines.map((l) => l.text)).toContain('Jabatan : Sekretaris Kecamatan Balantak Selatan');
    expect(lines.some((l) => l.kind === 'line' && /^CAMAT BALANTAK SELATAN\tSEKRETARIS/.test(l.text))).toBe(
      true,
    );
    const orders = d.blocks.map((b) => b.lineNo);
    expect(orders).toEqual([...orders.keys()]);
    const jab = lines.find((l) => l.text.startsWith('Jabatan'))!;
    expect(jab.kind === 'line' && jab.indent).toBeGreaterThan(30);
  });

  it('puts every row inside its page', () => expectRowsInsidePages(d));

  it('finds every gold cell of the printed sections', () => {
    const g = gold('000_7b2aa8f5eb30b1d2');
    const acc = cellAccuracy(d, [...g.sections[0]!.indikator, ...g.sections[1]!.indikator]);
    expect(acc.hit / acc.total).toBe(1);
  });
});

describe('readPdf: borderless table (001, sans)', () => {
  let d: LayoutDocument;
  beforeAll(async () => {
    d = await read('001_5e37c471fde3e7ca-borderless');
  });

  it('finds a table from column gaps alone (no rulings)', () => {
    expect(d.pages.every((p) => p.rulings.length === 0)).toBe(true);
    const ts = tables(d);
    expect(ts.map((t) => t.page)).toEqual([1, 2]);
    expect(texts(ts[0]!.rows[0]!)).toEqual([
      'SASARAN',
      'INDIKATOR KINERJA',
      'FORMULASI PERHITUNGAN / PENJELASAN',
      'SUMBER DATA',
    ]);
  });

  it('keeps a spanning sasaran whole in its first row and leaves the next row empty there', () => {
    const g = gold('001_5e37c471fde3e7ca').sections[1]!.indikator;
    const first = rowWith(d, g[0]!.indikator!)!;
    expect(texts(first)[0]).toBe(g[0]!.sasaran);
    const second = rowWith(d, g[1]!.indikator!)!;
    expect(texts(second)[0]).toBe('');
  });

  it('finds the gold cells', () => {
    const g = gold('001_5e37c471fde3e7ca');
    const acc = cellAccuracy(d, [...g.sections[1]!.indikator, ...g.sections[2]!.indikator]);
    expect(acc.hit / acc.total).toBeGreaterThanOrEqual(0.95);
  });

  it('puts every row inside its page', () => expectRowsInsidePages(d));
});

describe('readPdf: landscape, rotated and sideways pages (002 with TARGET years)', () => {
  const expectTargetGrid = (d: LayoutDocument) => {
    const t = tables(d)[0]!;
    expect(t.rows[0]!.cells).toHaveLength(9);
    expect(t.rows[0]!.cells[3]).toMatchObject({ text: 'TARGET', colSpan: 5 });
    expect(texts(t.rows[1]!).slice(3, 8)).toEqual(['2018', '2019', '2020', '2021', '2022']);
    const g = gold('002_b8c477cb9f4f63a8').sections[0]!.indikator;
    const acc = cellAccuracy(d, g);
    expect(acc.hit / acc.total).toBe(1);
    const pmks = rowWith(d, g[1]!.indikator!)!;
    expect(texts(pmks).slice(3, 8)).toEqual(['0', '0', '300', '275', '250']);
  };

  it('landscape page: wide and upright', async () => {
    const d = await read('002_b8c477cb9f4f63a8-landscape');
    expect(d.pages[0]!.width).toBeGreaterThan(d.pages[0]!.height);
    expectTargetGrid(d);
    expectRowsInsidePages(d);
  });

  it('/Rotate 90 page comes out upright', async () => {
    const d = await read('002_b8c477cb9f4f63a8-rotated');
    expect(d.pages[0]!.width).toBeGreaterThan(d.pages[0]!.height);
    expectTargetGrid(d);
    expectRowsInsidePages(d);
  });

  it('sideways text on a portrait page is turned upright', async () => {
    const d = await read('002_b8c477cb9f4f63a8-sideways');
    expect(d.pages[0]!.width).toBeGreaterThan(d.pages[0]!.height);
    expectTargetGrid(d);
    expectRowsInsidePages(d);
  });
});

describe('readPdf: a long table across pages (004)', () => {
  it('gives one table per page, each with its printed header', async () => {
    const d = await read('004_a55da81a764d711e-longtable');
    const ts = tables(d);
    expect(ts.map((t) => t.page)).toEqual([1, 2]);
    for (const t of ts) expect(texts(t.rows[0]!)[0]).toBe('NO');
    const nos = ts.flatMap((t) => t.rows.slice(1).map((r) => norm(r.cells[0]!.text)));
    expect(nos).toEqual(Array.from({ length: 23 }, (_, i) => `${i + 1}.`));
    const acc = cellAccuracy(d, gold('004_a55da81a764d711e').sections[7]!.indikator);
    expect(acc.hit / acc.total).toBe(1);
  });
});
