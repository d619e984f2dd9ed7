import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Word } from '../../src/ir/document.js';
import { columnGaps, findBorderlessTables } from '../../src/geometry/borderless.js';
import { groupWordsIntoLines } from '../../src/geometry/lines.js';
import { DEFAULT_TABLE_SETTINGS as S } from '../../src/geometry/settings.js';

const LINE = 12;
/** Words of a cell text laid out from (x, top), one line per '\n', 5 pt per character. */
function cellWords(text: string, x: number, top: number): Word[] {
  return text.split('\n').flatMap((line, i) => {
    let cx = x;
    return line.split(' ').map((t) => {
      const w: Word = {
        text: t,
        bbox: { x0: cx, top: top + i * LINE, x1: cx + t.length * 5, bottom: top + i * LINE + 10 },
        fontSize: 10,
      };
      cx += t.length * 5 + 2.5;
      return w;
    });
  });
}

const COLS = [40, 90, 250, 420];
/** A borderless table: rows of cells, 8 pt of padding between rows. */
function table(rows: string[][], top = 100): { words: Word[]; bottom: number } {
  const words: Word[] = [];
  let y = top;
  for (const r of rows) {
    r.forEach((t, c) => words.push(...cellWords(t, COLS[c]!, y)));
    const height = Math.max(...r.map((t) => t.split('\n').length)) * LINE;
    y += height + 8;
  }
  return { words, bottom: y };
}

describe('borderless tables', () => {
  it('finds columns from white rivers and rows from padding, keeping a spanning cell in its first row', () => {
    const t = table([
      ['NO', 'SASARAN', 'INDIKATOR', 'SUMBER DATA'],
      ['1.', 'Meningkatnya\nlayanan\nkantor', 'Persentase A', 'Laporan'],
      ['', '', 'Jumlah B\nper tahun', 'Data'],
      ['2.', 'Disiplin', 'Tingkat C', 'Daftar\nhadir'],
    ]);
    // Row 3's own padding is not visible in the sasaran column, whose text runs on.
    const title = cellWords('INDIKATOR KINERJA INDIVIDU', 150, 60);
    const after = cellWords('Belawang, 30 Mei 2018', 300, t.bottom + 30);
    const lines = groupWordsIntoLines([...title, ...t.words, ...after], S.lineTolerance);
    const { tables, rest } = findBorderlessTables(lines, S);
    expect(tables).toHaveLength(1);
    const cells = tables[0]!.rows.map((r) => r.cells.map((ws) => ws.map((w) => w.text).join(' ')));
    expect(cells).toEqual([
      ['NO', 'SASARAN', 'INDIKATOR', 'SUMBER DATA'],
      ['1.', 'Meningkatnya layanan kantor', 'Persentase A', 'Laporan'],
      ['', '', 'Jumlah B per tahun', 'Data'],
      ['2.', 'Disiplin', 'Tingkat C', 'Daftar hadir'],
    ]);
    expect(tables[0]!.xs).toHaveLength(5);
    expect(rest.map((l) => l.words.map((w) => w.text).join(' '))).toEqual([
      'INDIKATOR KINERJA INDIVIDU',
      'Belawang, 30 Mei 2018',
    ]);
  });

  it('does not take a two-column signature block for a table', () => {
    const words = [
      ...cellWords('CAMAT BELAWANG', 60, 100),
      ...cellWords('SEKRETARIS', 360, 100),
      ...cellWords('NAMA SATU', 60, 150),
      ...cellWords('NAMA DUA', 360, 150),
      ...cellWords('NIP. 1974', 60, 162),
      ...cellWords('NIP. 1966', 360, 162),
    ];
    const { tables, rest } = findBorderlessTables(groupWordsIntoLines(words, 3), S);
    expect(tables).toEqual([]);
    expect(rest).toHaveLength(3);
  });

  it('leaves running text alone', () => {
    const para = cellWords(
      'Melaksanakan koordinasi kegiatan pemerintahan\nmembina penyelenggaraan pemerintahan desa\ndan kelurahan sesuai ketentuan',
      40,
      100,
    );
    const { tables } = findBorderlessTables(groupWordsIntoLines(para, 3), S);
    expect(tables).toEqual([]);
    expect(columnGaps(para, 8)).toEqual([]);
  });

  it('property: every word ends up in a table or in a remaining line, exactly once', () => {
    const w = fc.record({
      x: fc.integer({ min: 0, max: 500 }),
      y: fc.integer({ min: 0, max: 300 }),
      n: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(w, { maxLength: 60 }), (ws) => {
        const words = ws.map((o, i): Word => ({
          text: `w${i}`,
          bbox: { x0: o.x, top: o.y, x1: o.x + o.n * 5, bottom: o.y + 10 },
          fontSize: 10,
        }));
        const { tables, rest } = findBorderlessTables(groupWordsIntoLines(words, 3), S);
        const seen = [
          ...tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flat())),
          ...rest.flatMap((l) => l.words),
        ];
        expect(seen.map((x) => x.text).sort()).toEqual(words.map((x) => x.text).sort());
      }),
    );
  });
});
