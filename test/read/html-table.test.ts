import { describe, expect, it } from 'vitest';
import { layoutText } from '../../src/read/text/index.js';
import { htmlTable } from '../../src/read/text/html-table.js';

const texts = (html: string) => htmlTable(html, 0).rows.map((r) => r.cells.map((c) => c.text));

describe('HTML tables in markdown', () => {
  it('lays merged cells out on the grid: the text in the first slot, the covered slots empty', () => {
    const t = htmlTable(
      `<table>
<tr><th rowspan="2">NO</th><th rowspan="2">INDIKATOR</th><th colspan="2">TARGET</th></tr>
<tr><th>2022</th><th>2023</th></tr>
<tr><td rowspan=2>1.</td><td>Persentase a</td><td>90</td><td>95</td></tr>
<tr><td>Jumlah b</td><td>2</td><td>3</td></tr>
</table>`,
      0,
    );
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['NO', 'INDIKATOR', 'TARGET', ''],
      ['', '', '2022', '2023'],
      ['1.', 'Persentase a', '90', '95'],
      ['', 'Jumlah b', '2', '3'],
    ]);
    expect(t.rows[2]!.cells[0]!.rowSpan).toBe(2);
    expect(t.rows[0]!.cells[2]!.colSpan).toBe(2);
  });
  it('keeps inline markup for the later cleaning and turns paragraphs into line breaks', () => {
    expect(
      texts('<table><tr><td><p>Laporan A</p><p>Data B &amp; C</p></td><td>x<br>y</td></tr></table>'),
    ).toEqual([['Laporan A<br>Data B &amp; C', 'x<br>y']]);
  });
  it('is found inside a text file, up to its closing tag', () => {
    const blocks = layoutText(
      ['Jabatan : Kasi', '<table>', '<tr><td>a</td><td>b</td></tr>', '</table>', 'Sukajaya'].join('\n'),
    ).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['line', 'table', 'line']);
    expect(blocks[1]).toMatchObject({ origin: 'html' });
  });
  it('survives a table that never closes and malformed tags', () => {
    expect(texts('<table><tr><td rowspan="99999">a<td colspan=0>b<tr>')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });
});
