/** Small builders of section drafts for the rule tests. */
import type { IndikatorRow } from '../../src/contract/schema.js';
import { emptyMeta, type SectionDraft, type SectionMeta } from '../../src/ir/section.js';

export function row(over: Partial<IndikatorRow> = {}): IndikatorRow {
  return {
    no: '1',
    sasaran: 'Meningkatnya derajat kesehatan masyarakat',
    indikator: 'Persentase puskesmas terakreditasi',
    formulasi: 'Jumlah puskesmas terakreditasi dibagi jumlah seluruh puskesmas x 100%',
    penjelasan: [],
    formula: {
      kind: 'ratio',
      numerator: 'jumlah puskesmas terakreditasi',
      denominator: 'jumlah seluruh puskesmas',
      scale: 100,
      unit: '%',
      expression: '(A / B) × 100%',
    },
    target: {},
    satuan: null,
    penanggungJawab: 'Kepala Bidang Pelayanan Kesehatan',
    sumberData: ['Profil Dinas Kesehatan'],
    provenance: { page: 1, bbox: null },
    ...over,
  };
}

export const countFormula = (text: string): IndikatorRow['formula'] => ({
  kind: 'count',
  numerator: text,
  denominator: null,
  scale: null,
  unit: null,
  expression: null,
});

export const plainFormula = (kind: 'sum' | 'score' | 'text'): IndikatorRow['formula'] => ({
  kind,
  numerator: null,
  denominator: null,
  scale: null,
  unit: null,
  expression: null,
});

export function section(
  over: Partial<Omit<SectionDraft, 'meta'>> = {},
  meta: Partial<SectionMeta> = {},
): SectionDraft {
  return {
    title: 'INDIKATOR KINERJA UTAMA',
    kind: 'IKU',
    jabatan: 'Kepala Dinas Kesehatan',
    unitKerja: 'Dinas Kesehatan Kabupaten Ende',
    lampiran: null,
    periode: null,
    tugas: [],
    fungsi: [],
    indikator: [row()],
    penandatangan: [],
    tempat: null,
    tanggal: null,
    ...over,
    meta: { ...emptyMeta(), ...meta },
  };
}

/** "CODE path" of each flag, the part the rules must get exactly right. */
export const keys = (flags: { code: string; path: string | null }[]): string[] =>
  flags.map((f) => `${f.code} ${f.path}`);
