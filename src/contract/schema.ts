/**
 * The output contract (../shared/spec/output-contract.md) as zod schemas: what `iki extract`
 * prints and the HTTP API returns. Every record that leaves the extractor is parsed by these.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

export const FlagSeverity = z.enum(['error', 'warning', 'info']);
export type FlagSeverity = z.infer<typeof FlagSeverity>;

export const FlagCode = z.enum([
  'MISSING_FIELD',
  'PERCENT_NAME_NOT_RATIO',
  'RATIO_FOR_COUNT_NAME',
  'TARGET_EXCEEDS_100_PERCENT',
  'TARGET_UNIT_MISMATCH',
  'TARGET_MISSING_YEAR',
  'FORMULA_RESTATES_INDICATOR',
  'DUPLICATE_INDICATOR',
  'INVALID_NIP',
  'UNSIGNED',
  'INCOMPLETE_DATE',
  'SPELLING_VARIANT',
  'LOW_OCR_CONFIDENCE',
  'UNPARSED_TEXT',
  // File-level codes beyond the contract's minimum set.
  'NO_FORM_FOUND',
  'UNREADABLE_PAGE',
  'TRUNCATED_INPUT',
]);
export type FlagCode = z.infer<typeof FlagCode>;

export const Flag = z.object({
  code: FlagCode,
  severity: FlagSeverity,
  path: z.string().nullable(),
  message: z.string(),
  suggestion: z.string().nullable(),
});
export type Flag = z.infer<typeof Flag>;

export const FormulaKind = z.enum(['ratio', 'count', 'sum', 'score', 'text']);
export type FormulaKind = z.infer<typeof FormulaKind>;

export const Formula = z.object({
  kind: FormulaKind,
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  scale: z.number().nullable(),
  unit: z.literal('%').nullable(),
  expression: z.string().nullable(),
});
export type Formula = z.infer<typeof Formula>;

/** bbox in PDF points, top-left origin: [x0, top, x1, bottom]. */
export const BBoxTuple = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const Provenance = z.object({
  page: z.number().int().positive().nullable(),
  bbox: BBoxTuple.nullable(),
});
export type Provenance = z.infer<typeof Provenance>;

export const TargetValue = z.union([z.number(), z.string()]);

export const IndikatorRow = z.object({
  no: z.string().nullable(),
  sasaran: z.string().nullable(),
  indikator: z.string().nullable(),
  formulasi: z.string().nullable(),
  penjelasan: z.array(z.string()),
  formula: Formula.nullable(),
  target: z.record(z.string(), TargetValue),
  satuan: z.string().nullable(),
  penanggungJawab: z.string().nullable(),
  sumberData: z.array(z.string()),
  catatan: z.string().optional(),
  provenance: Provenance,
});
export type IndikatorRow = z.infer<typeof IndikatorRow>;

export const Penandatangan = z.object({
  nama: z.string().nullable(),
  nip: z.string().nullable(),
  jabatan: z.string().nullable(),
});
export type Penandatangan = z.infer<typeof Penandatangan>;

export const Lampiran = z.object({
  label: z.string().nullable(),
  keputusan: z.string().nullable(),
  nomor: z.string().nullable(),
  tahun: z.number().int().nullable(),
  tanggal: z.string().nullable(),
});
export type Lampiran = z.infer<typeof Lampiran>;

export const SectionKind = z.enum(['IKI', 'IKU', 'IK-ESELON', 'OTHER']);
export type SectionKind = z.infer<typeof SectionKind>;

export const Section = z.object({
  title: z.string().nullable(),
  kind: SectionKind,
  jabatan: z.string().nullable(),
  unitKerja: z.string().nullable(),
  lampiran: Lampiran.nullable(),
  periode: z.object({ dari: z.number().int(), sampai: z.number().int() }).nullable(),
  tugas: z.array(z.string()),
  fungsi: z.array(z.string()),
  indikator: z.array(IndikatorRow),
  penandatangan: z.array(Penandatangan),
  tempat: z.string().nullable(),
  tanggal: z.string().nullable(),
  flags: z.array(Flag),
});
export type Section = z.infer<typeof Section>;

export const Extraction = z.enum(['pdf-text', 'ocr', 'text', 'mixed']);
export type Extraction = z.infer<typeof Extraction>;

export const Source = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  pages: z.number().int().nullable(),
  extraction: Extraction,
});
export type Source = z.infer<typeof Source>;

export const ExtractedFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  sections: z.array(Section),
  flags: z.array(Flag),
});
export type ExtractedFile = z.infer<typeof ExtractedFile>;
