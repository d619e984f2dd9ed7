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
