import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractedFile } from '../../src/contract/schema.js';
import { BadInputError, IkiError, InputTooLargeError } from '../../src/errors.js';
import { extractFile } from '../../src/pipeline/extract-file.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('bad input', () => {
  it('an empty file is a clear error naming the file', async () => {
    await expect(extractFile(new Uint8Array(0), { fileName: 'kosong.txt' })).rejects.toThrow(BadInputError);
    await expect(extractFile(new Uint8Array(0), { fileName: 'kosong.txt' })).rejects.toThrow(/empty/);
  });

  it('a binary file named .txt is refused as not text', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const err = await extractFile(bytes, { fileName: 'data.txt' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IkiError);
    expect((err as IkiError).describe()).toContain('data.txt');
  });

  it('a text with no form gives no sections and a file-level flag', async () => {
    const r = await extractFile(enc('Notulen rapat koordinasi kecamatan.\nHadir: 12 orang.\n'), {
      fileName: 'notulen.txt',
    });
    expect(r.sections).toEqual([]);
    expect(r.flags.map((f) => f.code)).toContain('NO_FORM_FOUND');
  });

  it('a text file over the limit is refused before it is decoded', async () => {
    const big = new Uint8Array(17 * 1024 * 1024).fill(0x61);
    await expect(extractFile(big, { fileName: 'besar.txt' })).rejects.toThrow(InputTooLargeError);
  });

  it('a single 10 MB line is cut with a flag, in bounded time', async () => {
    const line = 'Jumlah '.repeat(1_500_000);
    const t0 = Date.now();
    const r = await extractFile(enc(`INDIKATOR KINERJA INDIVIDU\n${line}\n`), { fileName: 'panjang.txt' });
    expect(Date.now() - t0).toBeLessThan(120_000); // hang guard
    expect(r.flags.map((f) => f.code)).toContain('TRUNCATED_INPUT');
  });

  it('reads UTF-16 with a BOM and Windows-1252', async () => {
    const text = 'INDIKATOR KINERJA INDIVIDU\nJabatan : Kepala Seksi Pemerintahan\n';
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
    ]);
    const r16 = await extractFile(utf16, { fileName: 'utf16.txt' });
    expect(r16.sections[0]?.jabatan).toBe('Kepala Seksi Pemerintahan');
    // "Jabatan : Kepala Seksi Ketenteraman – Ketertiban" with an en dash in Windows-1252 (0x96).
    const cp = Uint8Array.from([
      ...enc('INDIKATOR KINERJA INDIVIDU\nJabatan : Kasi Trantib '),
      0x96,
      ...enc(' Umum\n'),
    ]);
    const r1252 = await extractFile(cp, { fileName: 'cp1252.txt' });
    expect(r1252.sections[0]?.jabatan).toBe('Kasi Trantib – Umum');
  });

  it('any text input gives contract JSON or a typed error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'INDIKATOR KINERJA INDIVIDU',
              'Jabatan : Kasi Umum',
              'Tugas :',
              '| NO | SASARAN | INDIKATOR KINERJA | FORMULASI | SUMBER DATA |',
              '|---|---|---|---|---|',
              '| 1. | Meningkatnya x | Persentase y | Jumlah a dibagi b x 100 | - Data |',
              'NO SASARAN INDIKATOR KINERJA FORMULASI SUMBER DATA',
              'Belawang, .....2019',
              'NIP. 19740807 200801 1 010',
              '-----',
              // Other offices' layouts: tab-aligned fields, field and signature tables, broken tab
              // rows, page furniture, numbered sub-indicators, a title-case heading.
              'Jabatan\t: Kepala Seksi',
              '| Jabatan | : | Kepala Seksi |',
              '| SEKRETARIS | KASI UMUM |',
              '| NIP. 19700505 199503 1 001 | NIP. 19880212 201001 2 003 |',
              'NO\tSASARAN\tINDIKATOR\tFORMULASI\tSUMBER DATA',
              '1.\tMeningkatnya x\tPersentase y\t- Laporan',
              '- Buku\tKasi',
              'Halaman 1 dari 2',
              '| 1. | A | 1. Persentase a<br>2. Jumlah b | 1. A / B<br>2. Jumlah b | Data |',
              'No Sasaran Indikator Kinerja Formulasi Sumber Data',
              'KONDISI AWAL 2021 TARGET 2022 2023',
              '(Jumlah a : jumlah b) x 100%',
              '<table><tr><th>NO</th><th>SASARAN</th><th>INDIKATOR</th><th colspan="2">FORMULASI</th></tr>',
              '<tr><td rowspan="3">1.</td><td>x</td><td>Persentase y</td><td>A / B</td></tr></table>',
            ),
            fc.string({ maxLength: 60 }),
          ),
          { maxLength: 25 },
        ),
        async (lines) => {
          try {
            const r = await extractFile(enc(lines.join('\n') || 'x'), { fileName: 'acak.txt' });
            expect(ExtractedFile.safeParse(r).success).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(IkiError);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
