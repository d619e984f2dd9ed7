/**
 * Contract files flattened into tables for spreadsheets: one row per indikator (with its
 * section's fields), one per flag, one per signature block. CSV and XLSX are both written from
 * these tables, so their columns are the same.
 */
import type { ExtractedFile, Flag, IndikatorRow, Section } from '../contract/schema.js';

export type Cell = string | number | null;

export interface Table {
  name: string;
  columns: string[];
  rows: Cell[][];
}

/** Separator of list items (penjelasan, sumberData) inside one cell: a line break, as printed. */
export const LIST_SEPARATOR = '\n';

/** Index of a row from a flag path `indikator[3]…`. */
const ROW_PATH = /^indikator\[(\d+)\]/;

const SECTION_COLUMNS = [
  'file',
  'sha256',
  'section',
  'kind',
  'title',
  'jabatan',
  'unitKerja',
  'lampiran',
  'periodeDari',
  'periodeSampai',
] as const;

function sectionCells(file: ExtractedFile, s: Section, si: number): Cell[] {
  const lampiran = s.lampiran
    ? [
        s.lampiran.label && `Lampiran ${s.lampiran.label}`,
        s.lampiran.keputusan,
        s.lampiran.nomor && `Nomor ${s.lampiran.nomor}`,
        s.lampiran.tanggal ?? s.lampiran.tahun,
      ]
        .filter((v) => v !== null && v !== undefined && v !== '')
        .join(', ')
    : null;
  return [
    file.source.file,
    file.source.sha256,
    si + 1,
    s.kind,
    s.title,
    s.jabatan,
    s.unitKerja,
    lampiran || null,
    s.periode?.dari ?? null,
    s.periode?.sampai ?? null,
  ];
}

/** Every target key across the files, years in ascending order (non-year keys after them). */
function targetKeys(files: readonly ExtractedFile[]): string[] {
  const keys = new Set<string>();
  for (const f of files)
    for (const s of f.sections)
      for (const r of s.indikator) for (const k of Object.keys(r.target)) keys.add(k);
  return [...keys].sort((a, b) => {
    const [na, nb] = [Number(a), Number(b)];
    if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    if (Number.isFinite(na) !== Number.isFinite(nb)) return Number.isFinite(na) ? -1 : 1;
    return a.localeCompare(b);
  });
}

const list = (items: readonly string[]): string | null => (items.length ? items.join(LIST_SEPARATOR) : null);

function rowCells(r: IndikatorRow | null, years: readonly string[], flagCodes: string | null): Cell[] {
  const f = r?.formula ?? null;
  return [
    r?.no ?? null,
    r?.sasaran ?? null,
    r?.indikator ?? null,
    r?.formulasi ?? null,
    r ? list(r.penjelasan) : null,
    f?.kind ?? null,
    f?.numerator ?? null,
    f?.denominator ?? null,
    f?.scale ?? null,
    f?.unit ?? null,
    f?.expression ?? null,
    r?.satuan ?? null,
    ...years.map((y) => r?.target[y] ?? null),
    r?.penanggungJawab ?? null,
    r ? list(r.sumberData) : null,
    r?.catatan ?? null,
    r?.provenance.page ?? null,
    flagCodes,
  ];
}

/** One row per indikator; a section without rows still gets one row, so no section is lost. */
export function indikatorTable(files: readonly ExtractedFile[]): Table {
  const years = targetKeys(files);
  const columns = [
    ...SECTION_COLUMNS,
    'no',
    'sasaran',
    'indikator',
    'formulasi',
    'penjelasan',
    'formulaKind',
    'formulaNumerator',
    'formulaDenominator',
    'formulaScale',
    'formulaUnit',
    'formulaExpression',
    'satuan',
    ...years.map((y) => `target ${y}`),
    'penanggungJawab',
    'sumberData',
    'catatan',
    'page',
    'flags',
  ];
  const rows: Cell[][] = [];
  for (const file of files) {
    file.sections.forEach((s, si) => {
      const head = sectionCells(file, s, si);
      if (s.indikator.length === 0) {
        rows.push([...head, ...rowCells(null, years, null)]);
        return;
      }
      const codesByRow = new Map<number, string[]>();
      for (const flag of s.flags) {
        const m = flag.path === null ? null : ROW_PATH.exec(flag.path);
        if (!m) continue;
        const i = Number(m[1]);
        codesByRow.set(i, [...(codesByRow.get(i) ?? []), flag.code]);
      }
      s.indikator.forEach((r, ri) => {
        const codes = [...new Set(codesByRow.get(ri) ?? [])];
        rows.push([...head, ...rowCells(r, years, codes.length ? codes.join(', ') : null)]);
      });
    });
  }
  return { name: 'Indikator', columns, rows };
}

/** Every flag, file-level ones with an empty section. */
export function flagTable(files: readonly ExtractedFile[]): Table {
  const columns = [
    'file',
    'sha256',
    'section',
    'kind',
    'jabatan',
    'row',
    'indikator',
    'code',
    'severity',
    'path',
    'message',
    'suggestion',
  ];
  const rows: Cell[][] = [];
  const flagRow = (file: ExtractedFile, s: Section | null, si: number | null, f: Flag): Cell[] => {
    const m = s && f.path !== null ? ROW_PATH.exec(f.path) : null;
    const ri = m ? Number(m[1]) : null;
    return [
      file.source.file,
      file.source.sha256,
      si === null ? null : si + 1,
      s?.kind ?? null,
      s?.jabatan ?? null,
      ri === null ? null : ri + 1,
      ri === null ? null : (s?.indikator[ri]?.indikator ?? null),
      f.code,
      f.severity,
      f.path,
      f.message,
      f.suggestion,
    ];
  };
  for (const file of files) {
    for (const f of file.flags) rows.push(flagRow(file, null, null, f));
    file.sections.forEach((s, si) => s.flags.forEach((f) => rows.push(flagRow(file, s, si, f))));
  }
  return { name: 'Flags', columns, rows };
}

/** One row per signature block, with the place and date of its section. */
export function penandatanganTable(files: readonly ExtractedFile[]): Table {
  const columns = [
    'file',
    'sha256',
    'section',
    'kind',
    'sectionJabatan',
    'unitKerja',
    'nama',
    'nip',
    'jabatan',
    'tempat',
    'tanggal',
  ];
  const rows: Cell[][] = [];
  for (const file of files) {
    file.sections.forEach((s, si) => {
      for (const p of s.penandatangan) {
        rows.push([
          file.source.file,
          file.source.sha256,
          si + 1,
          s.kind,
          s.jabatan,
          s.unitKerja,
          p.nama,
          p.nip,
          p.jabatan,
          s.tempat,
          s.tanggal,
        ]);
      }
    });
  }
  return { name: 'Penandatangan', columns, rows };
}
