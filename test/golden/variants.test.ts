/**
 * Other offices print the same fields under other names and in another order. The markdown and
 * tab-export seeds are rewritten with their table columns renamed and reordered (the gold is
 * unchanged: the same fields hold the same values) and must score as the originals do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract-file.js';
import { tablesFromFlattened } from '../../src/table/flattened.js';

const root = resolve(__dirname, '../..');
const scorer = existsSync(resolve(root, '../shared/tools/score.mjs'))
  ? resolve(root, '../shared/tools/score.mjs')
  : join(root, 'scripts/score.mjs');
const out = mkdtempSync(join(tmpdir(), 'iki-variants-'));

/** Another office's heading for each field, and the printed order of the fields. */
const RENAMED: Record<string, string> = {
  no: 'No. Urut',
  sasaran: 'Sasaran Strategis',
  indikator: 'Ukuran Keberhasilan',
  formulasi: 'Cara Perhitungan',
  sumberData: 'Data Dukung',
};
const ORDER = ['no', 'indikator', 'sasaran', 'sumberData', 'formulasi'];

function roleOf(heading: string): string {
  const h = heading.toUpperCase();
  if (/^\s*NO\b/.test(h)) return 'no';
  if (/INDIKATOR/.test(h)) return 'indikator';
  if (/SASARAN/.test(h)) return 'sasaran';
  if (/FORMULA|PENJELASAN/.test(h)) return 'formulasi';
  if (/SUMBER/.test(h)) return 'sumberData';
  throw new Error(`unexpected heading ${heading}`);
}

/** Rewrites every table of a document: `split`/`join` read and print one row's cells. */
function rewrite(text: string, split: (l: string) => string[] | null, join: (c: string[]) => string): string {
  const lines = text.split('\n');
  let perm: number[] | null = null;
  return lines
    .map((line) => {
      const cells = split(line);
      if (!cells) {
        if (line.trim() === '') return line;
        perm = null;
        return line;
      }
      if (!perm || cells.length !== perm.length) {
        const roles = cells.map(roleOf);
        perm = ORDER.filter((r) => roles.includes(r)).map((r) => roles.indexOf(r));
        return join(perm.map((k) => RENAMED[roles[k]!]!));
      }
      return join(perm.map((k) => cells[k] ?? ''));
    })
    .join('\n');
}

/** Markdown tables: the heading row (or an empty one, for a table continued from above) and rows. */
function variantOfMarkdown(text: string): string {
  let perm: number[] | null = null;
  const cellsOf = (l: string) =>
    l
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (!/^\|.*\|\s*$/.test(line)) return line;
      const cells = cellsOf(line);
      if (/^\|\s*-/.test(line)) return `|${cells.map(() => '---').join('|')}|`;
      const headingRow = /^\|\s*-/.test(lines[i + 1] ?? '');
      if (headingRow && cells.some((c) => c !== '')) {
        const roles = cells.map(roleOf);
        perm = ORDER.filter((r) => roles.includes(r)).map((r) => roles.indexOf(r));
        return `| ${perm.map((k) => RENAMED[roles[k]!]!).join(' | ')} |`;
      }
      if (!perm || cells.length !== perm.length) return line;
      return `| ${perm.map((k) => cells[k] ?? '').join(' | ')} |`;
    })
    .join('\n');
}

function variantOfTabs(text: string): string {
  return rewrite(
    text,
    (l) => (l.includes('\t') ? l.split('\t') : null),
    (c) => c.join('\t'),
  );
}

async function f1(seed: string, text: string): Promise<number> {
  const gold = join(root, 'fixtures/gold', `${seed}.json`);
  const g = JSON.parse(readFileSync(gold, 'utf8')) as { source: { file: string } };
  const pred = await extractFile(new TextEncoder().encode(text), { fileName: g.source.file });
  const p = join(out, `${seed}.json`);
  writeFileSync(p, JSON.stringify(pred));
  const s = JSON.parse(execFileSync(process.execPath, [scorer, gold, p, '--json'], { encoding: 'utf8' })) as {
    overall: { f1: number };
  };
  return s.overall.f1;
}

describe('golden: columns renamed and reordered', () => {
  it('markdown tables (000) score as the original', async () => {
    const text = readFileSync(join(root, 'fixtures/seeds/000_7b2aa8f5eb30b1d2.txt'), 'utf8');
    const variant = variantOfMarkdown(text);
    expect(variant).toContain('Ukuran Keberhasilan');
    expect(variant).not.toContain('SASARAN KINERJA');
    expect(await f1('000_7b2aa8f5eb30b1d2', variant)).toBeGreaterThanOrEqual(0.99);
  });
  it('tab exports (001) score as the original', async () => {
    const text = readFileSync(join(root, 'fixtures/seeds/001_5e37c471fde3e7ca.txt'), 'utf8');
    const variant = variantOfTabs(text);
    expect(variant).toContain('Data Dukung');
    expect(await f1('001_5e37c471fde3e7ca', variant)).toBeGreaterThanOrEqual(0.99);
  });
});

/**
 * Flattened dumps of the gold forms, in other column orders: each cell's text wrapped to its
 * column's width, a blank line between cells, as a PDF-to-text tool prints a table cell by cell.
 * Scored cell by cell (the decoder's own job), against the gold rows.
 */
interface GoldRow {
  sasaran: string | null;
  indikator: string | null;
  formulasi: string | null;
  sumberData: string[];
}
const FLAT_HEADINGS: Record<string, string> = {
  no: 'NO',
  sasaran: 'SASARAN STRATEGIS',
  indikator: 'INDIKATOR KINERJA',
  formulasi: 'FORMULASI PERHITUNGAN',
  sumberData: 'SUMBER DATA',
};
const FLAT_WIDTHS: Record<string, number> = { sasaran: 28, indikator: 30, formulasi: 45, sumberData: 22 };

function wrapTo(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

const cellText = (row: GoldRow, role: string): string =>
  role === 'sumberData' ? row.sumberData.join(', ') : ((row[role as keyof GoldRow] as string | null) ?? '');
const normCell = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function flattenedCellAccuracy(seeds: string[], order: string[]): number {
  let ok = 0;
  let all = 0;
  for (const seed of seeds) {
    const gold = JSON.parse(readFileSync(join(root, 'fixtures/gold', `${seed}.json`), 'utf8')) as {
      sections: { indikator: GoldRow[] }[];
    };
    for (const section of gold.sections.filter((s) => s.indikator.length >= 2)) {
      const lines = ['INDIKATOR KINERJA INDIVIDU', '', order.map((r) => FLAT_HEADINGS[r]).join(' '), ''];
      let sasaran: string | null = null;
      let n = 0;
      const opens: boolean[] = [];
      for (const row of section.indikator) {
        const opensRow = row.sasaran !== sasaran;
        opens.push(opensRow);
        sasaran = row.sasaran;
        if (opensRow) n++;
        for (const role of order) {
          if (role === 'no') {
            if (opensRow) lines.push(`${n}.`);
            continue;
          }
          const text = role === 'sasaran' && !opensRow ? '' : cellText(row, role);
          if (text) lines.push(...wrapTo(text, FLAT_WIDTHS[role]!), '');
        }
      }
      lines.push('', 'Mengetahui,');
      const rows = tablesFromFlattened(lines).tables[0]?.rows ?? [];
      section.indikator.forEach((row, k) => {
        for (const role of order.filter((r) => r !== 'no')) {
          if (role === 'sasaran' && !opens[k]) continue;
          const want = cellText(row, role);
          if (!want) continue;
          all++;
          const got = (rows[k]?.cells[role as 'sasaran'] ?? []).join(' ');
          if (normCell(got) === normCell(want)) ok++;
        }
      });
    }
  }
  return ok / all;
}

describe('golden: flattened dumps in other column orders', () => {
  const seeds = ['000_7b2aa8f5eb30b1d2', '001_5e37c471fde3e7ca'];
  // Floors: what this tree reaches (README "Accuracy"); the order of the columns is the heading's.
  const cases: [string[], number][] = [
    [['no', 'sasaran', 'indikator', 'formulasi', 'sumberData'], 0.98],
    [['no', 'sasaran', 'indikator', 'sumberData', 'formulasi'], 0.97],
    [['no', 'indikator', 'sasaran', 'sumberData', 'formulasi'], 0.91],
    [['sasaran', 'indikator', 'formulasi', 'sumberData'], 0.88],
  ];
  for (const [order, floor] of cases) {
    it(`${order.join(' | ')}: at least ${floor} of the cells`, () => {
      expect(flattenedCellAccuracy(seeds, order)).toBeGreaterThanOrEqual(floor);
    });
  }
});
