import { extractFile } from '../../src/pipeline/extract-file.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadInputError } from '../../src/errors.js';
import type { LineBlock, TableBlock } from '../../src/ir/document.js';
import { readDocx } from '../../src/read/docx/index.js';
import { formatNumber } from '../../src/read/docx/numbering.js';
import { parseXml } from '../../src/read/docx/xml.js';
import { makeZip } from './helpers/zip-writer.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, pPr = '') =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (id: number, lvl = 0) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
const tc = (body: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${body}</w:tc>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

const TABLE = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
  <w:tr>${tc(p('NO'), '<w:vMerge w:val="restart"/>')}${tc(p('SASARAN'), '<w:vMerge w:val="restart"/>')}${tc(p('INDIKATOR'), '<w:vMerge w:val="restart"/>')}${tc(p('TARGET'), '<w:gridSpan w:val="2"/>')}</w:tr>
  <w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p(''), '<w:vMerge/>')}${tc(p(''), '<w:vMerge/>')}${tc(p('2019'))}${tc(p('2020'))}</w:tr>
  <w:tr>${tc(p('', num(3)))}${tc(p('Meningkatnya pelayanan'), '<w:vMerge w:val="restart"/>')}${tc(p('Persentase A') + p('baris kedua'))}${tc(p('90'))}${tc(p('95'))}</w:tr>
  <w:tr>${tc(p('', num(3)))}${tc(p(''), '<w:vMerge/>')}${tc('<w:p><w:r><w:t>Jumlah B</w:t><w:br/><w:t>per tahun</w:t></w:r></w:p>')}${tc(p('10'))}${tc(p('12'))}</w:tr>
</w:tbl>`;

function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  return makeZip({
    '[Content_Types].xml': '<Types/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    'word/numbering.xml': NUMBERING,
    ...extra,
  });
}

const sample = docx(
  [
    p('INDIKATOR KINERJA INDIVIDU'),
    '<w:p><w:r><w:t>Jabatan</w:t></w:r><w:r><w:tab/><w:t>: Kepala Seksi &amp; Staf</w:t></w:r></w:p>',
    p('Tugas :'),
    p('Melaksanakan koordinasi', `${num(1)}<w:ind w:left="720"/>`),
    p('Membina desa', num(1)),
    p('Rincian', num(1, 1)),
    p('Catatan', num(2)),
    p('   '),
    TABLE,
    '<w:sdt><w:sdtContent>' + p('Belawang, 30 Mei 2018') + '</w:sdtContent></w:sdt>',
  ].join(''),
);

describe('readDocx', () => {
  it('reads paragraphs as lines with list numbers, tabs and indents', async () => {
    const d = await readDocx(sample, { file: 'iki.docx' });
    const lines = d.blocks.filter((b): b is LineBlock => b.kind === 'line');
    expect(lines.map((l) => l.text)).toEqual([
      'INDIKATOR KINERJA INDIVIDU',
      'Jabatan\t: Kepala Seksi & Staf',
      'Tugas :',
      '1. Melaksanakan koordinasi',
      '2. Membina desa',
      'a) Rincian',
      '• Catatan',
      'Belawang, 30 Mei 2018',
    ]);
    expect(lines[3]!.indent).toBe(36);
    expect(lines.every((l) => l.page === null && l.bbox === null)).toBe(true);
    expect(d.blocks.map((b) => b.lineNo)).toEqual([...d.blocks.keys()]);
    expect(d.source).toMatchObject({ file: 'iki.docx', pages: null, extraction: 'text' });
    expect(d.source.mediaType).toContain('wordprocessingml');
  });

  it('reads tables with gridSpan and vMerge as rectangular rows with spans', async () => {
    const d = await readDocx(sample, { file: 'iki.docx' });
    const t = d.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(t.origin).toBe('docx');
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['NO', 'SASARAN', 'INDIKATOR', 'TARGET', ''],
      ['', '', '', '2019', '2020'],
      ['1.', 'Meningkatnya pelayanan', 'Persentase A\nbaris kedua', '90', '95'],
      ['2.', '', 'Jumlah B\nper tahun', '10', '12'],
    ]);
    expect(t.rows[0]!.cells[0]!.rowSpan).toBe(2);
    expect(t.rows[0]!.cells[3]!.colSpan).toBe(2);
    expect(t.rows[2]!.cells[1]!.rowSpan).toBe(2);
    expect(t.rows[2]!.cells[0]!.rowSpan).toBeUndefined();
  });

  it('refuses a legacy .doc with the conversion command', async () => {
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    doc.set(Buffer.from('WordDocument', 'utf16le'), 512);
    const err = await readDocx(doc, { file: 'lama.doc' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).describe()).toBe(
      'lama.doc: legacy Word .doc is not supported; convert it to .docx or PDF, e.g. `libreoffice --headless --convert-to docx FILE.doc`',
    );
  });

  it('refuses an RTF file end to end with its own conversion command, not the .doc one', async () => {
    const rtf = Buffer.from('{\\rtf1\\ansi INDIKATOR KINERJA\\par}');
    const err = await extractFile(rtf, { fileName: 'iki.rtf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).describe()).toMatch(
      /^iki\.rtf: RTF is not supported; .*--convert-to docx FILE\.rtf/,
    );
  });

  it('refuses a zip that is not a Word document, and a damaged one', async () => {
    await expect(readDocx(makeZip({ 'a.txt': 'x' }), { file: 'a.docx' })).rejects.toThrow(
      /no word\/document.xml/,
    );
    const broken = docx(p('x')).subarray(0, 60);
    await expect(readDocx(broken, { file: 'b.docx' })).rejects.toBeInstanceOf(BadInputError);
    await expect(readDocx(new Uint8Array(0), { file: 'c.docx' })).rejects.toThrow(/empty file/);
  });
});

describe('docx helpers', () => {
  it('formats list numbers as Word does', () => {
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(2, 'lowerLetter')).toBe('b');
    expect(formatNumber(27, 'lowerLetter')).toBe('aa');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(1, 'bullet')).toBe('');
  });

  it('parses XML with entities, CDATA and comments, and never throws on junk', () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- c --><a x="1 &gt; 0"><b>A &amp; B</b><![CDATA[<raw>]]><c/></a>',
    );
    const a = root.children[0] as { attrs: Record<string, string>; children: unknown[] };
    expect(a.attrs.x).toBe('1 > 0');
    expect(a.children).toEqual([
      { name: 'b', local: 'b', attrs: {}, children: ['A & B'] },
      '<raw>',
      { name: 'c', local: 'c', attrs: {}, children: [] },
    ]);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(parseXml(s).name).toBe('#document');
      }),
    );
  });
});
