import { describe, expect, it } from 'vitest';
import { parseSignatureLines } from '../../src/signature/blocks.js';
import { signatureColumns } from '../../src/signature/columns.js';
import { pairSignatures } from '../../src/signature/pairing.js';
import type { LineBlock } from '../../src/ir/document.js';

describe('signature blocks', () => {
  it('reads the place-and-date line, titles, names and NIPs', () => {
    const b = parseSignatureLines([
      'Sanggau, 2 Januari 2020',
      'Mengetahui,',
      'KEPALA DINAS KESEHATAN,',
      '',
      'dr. ANDREAS, M.Kes',
      'NIP. 19700101 199803 1 002',
    ]);
    expect(b.tempat).toBe('Sanggau');
    expect(b.tanggal).toBe('2020-01-02');
    expect(b.titles).toEqual(['KEPALA DINAS KESEHATAN']);
    expect(b.signers).toEqual([
      { nama: 'dr. ANDREAS, M.Kes', nip: '197001011998031002', printed: 'dr. ANDREAS, M.Kes' },
    ]);
  });

  it('keeps a title wrapped after "&" as one title and "-----" as an unsigned block', () => {
    const b = parseSignatureLines([
      'KASUBBAG PERENCANAAN, KEUANGAN &',
      'EVALUASI',
      '',
      'BENDAHARA',
      '',
      '-----',
      '',
      '-----',
    ]);
    expect(b.titles).toEqual(['KASUBBAG PERENCANAAN, KEUANGAN & EVALUASI', 'BENDAHARA']);
    expect(b.signers.map((s) => s.nama)).toEqual([null, null]);
  });

  it('keeps the place printed under a title as part of it, but not a title after a blank line', () => {
    const b = parseSignatureLines([
      'Sukamaju, 3 Januari 2022',
      'KEPALA DINAS PENDIDIKAN',
      'KABUPATEN SUKAMAJU,',
      '',
      'Drs. AHMAD SUBAGIO, M.Pd',
      'NIP. 19680512 199303 1 004',
    ]);
    expect(b.titles).toEqual(['KEPALA DINAS PENDIDIKAN KABUPATEN SUKAMAJU']);
    expect(parseSignatureLines(['BENDAHARA', '', 'KOTA BARU SELATAN']).titles).toEqual([
      'BENDAHARA',
      'KOTA BARU SELATAN',
    ]);
  });

  it('reads "Ditetapkan di" / "Pada tanggal", a title ending on a "DAN …" line, and skips the rank', () => {
    const b = parseSignatureLines([
      'Ditetapkan di : Sukamaju',
      'Pada tanggal : 4 Januari 2021',
      '',
      'KEPALA BADAN PENGELOLAAN KEUANGAN',
      'DAN ASET DAERAH,',
      '',
      'H. MUHAMMAD YUSUF, SE, M.Si',
      'Pembina Utama Muda',
      'NIP. 19700101 199503 1 002',
    ]);
    expect([b.tempat, b.tanggal]).toEqual(['Sukamaju', '2021-01-04']);
    expect(b.titles).toEqual(['KEPALA BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH']);
    expect(b.signers).toEqual([
      {
        nama: 'H. MUHAMMAD YUSUF, SE, M.Si',
        nip: '197001011995031002',
        printed: 'H. MUHAMMAD YUSUF, SE, M.Si',
      },
    ]);
  });

  it('takes the title under "a.n. CAMAT X" as the signer\'s, and a name in brackets without them', () => {
    const b = parseSignatureLines([
      'a.n. CAMAT SUKAJAYA',
      'Sekretaris Kecamatan,',
      '',
      '(Dr. H. ABDUL MALIK, S.Sos., M.Si)',
      'Pembina (IV/a)',
      'NIP : 19800101 200501 1 001',
    ]);
    expect(b.titles).toEqual(['Sekretaris Kecamatan']);
    expect(b.signers.map((x) => [x.nama, x.nip])).toEqual([
      ['Dr. H. ABDUL MALIK, S.Sos., M.Si', '198001012005011001'],
    ]);
    // A name that merely starts with "An" is a name.
    expect(parseSignatureLines(['AN NISA RAHMA', 'NIP. 19800101 200501 2 001']).signers[0]!.nama).toBe(
      'AN NISA RAHMA',
    );
  });

  it('pairs titles and people by who signs what across the file, not by line order', () => {
    // Form 1 prints the titles in the other order than the names; form 2 shows who is who.
    const f1 = parseSignatureLines([
      'LURAH SUKAMAJU',
      '',
      'SEKRETARIS LURAH',
      '',
      'BUDI',
      'NIP. 19800101 200501 1 001',
      '',
      'SITI',
      'NIP. 19850202 201001 2 002',
    ]);
    const f2 = parseSignatureLines([
      'SEKRETARIS LURAH',
      '',
      'KASI UMUM',
      '',
      'SITI',
      'NIP. 19850202 201001 2 002',
      '',
      'ANDI',
      'NIP. 19900303 201501 1 003',
    ]);
    const [p1, p2] = pairSignatures([f1, f2]);
    expect(p1!.penandatangan).toEqual([
      { nama: 'BUDI', nip: '198001012005011001', jabatan: 'LURAH SUKAMAJU' },
      { nama: 'SITI', nip: '198502022010012002', jabatan: 'SEKRETARIS LURAH' },
    ]);
    expect(p2!.penandatangan.find((s) => s.nama === 'ANDI')?.jabatan).toBe('KASI UMUM');
  });

  it('splits side-by-side PDF signature columns at the tab', () => {
    const line = (text: string, x0: number): LineBlock => ({
      kind: 'line',
      text,
      lineNo: 0,
      page: 1,
      bbox: { x0, top: 0, x1: x0 + 150, bottom: 10 },
      indent: x0,
    });
    const cols = signatureColumns(
      [
        line('CAMAT SUKA\tSEKRETARIS CAMAT', 60),
        line('BUDI\tSITI', 70),
        line('NIP. 19800101 200501 1 001\tNIP. 19850202 201001 2 002', 60),
      ],
      () => 595,
    );
    const b = parseSignatureLines(cols.lines, cols.columns);
    const [p] = pairSignatures([b]);
    expect(p!.penandatangan.map((s) => [s.jabatan, s.nama])).toEqual([
      ['CAMAT SUKA', 'BUDI'],
      ['SEKRETARIS CAMAT', 'SITI'],
    ]);
  });

  it('splits side-by-side columns of pdftotext -layout text at the wide gap of spaces', () => {
    const text = [
      '                                              Suka Maju, 30 Mei 2019',
      '   CAMAT SUKA MAJU                           SEKRETARIS KECAMATAN SUKA',
      '                                              MAJU',
      '',
      '   BUDI SANTOSO, S.Sos',
      '   NIP. 19800101 200501 1 001                SITI AMINAH, SH.',
      '                                              NIP. 19850202 201001 2 002',
    ];
    const blocks: LineBlock[] = text.map((t, i) => ({
      kind: 'line',
      text: t.trim(),
      lineNo: i,
      page: null,
      bbox: null,
      indent: t.length - t.trimStart().length,
    }));
    const cols = signatureColumns(blocks, () => undefined);
    expect(cols.columns).toBe(true);
    const [p] = pairSignatures([parseSignatureLines(cols.lines, cols.columns)]);
    expect(p!.penandatangan.map((s) => [s.jabatan, s.nama, s.nip])).toEqual([
      ['CAMAT SUKA MAJU', 'BUDI SANTOSO, S.Sos', '198001012005011001'],
      ['SEKRETARIS KECAMATAN SUKA MAJU', 'SITI AMINAH, SH.', '198502022010012002'],
    ]);
  });
});
