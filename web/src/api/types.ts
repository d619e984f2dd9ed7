/**
 * The shapes the workbench reads from the API (/api/v1, see GET /api/v1/openapi.json). Written
 * out here rather than imported from the server, so the browser bundle carries no server code.
 */

export type Role = 'uploader' | 'reviewer' | 'admin';
export type DocumentStatus = 'queued' | 'processing' | 'done' | 'failed';
export type Severity = 'error' | 'warning' | 'info';
export type FlagStatus = 'open' | 'accepted' | 'dismissed';

export const FLAG_CODES = [
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
  'NO_FORM_FOUND',
  'UNREADABLE_PAGE',
  'TRUNCATED_INPUT',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface User {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
}

export interface DocumentView {
  id: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  pages: number | null;
  status: DocumentStatus;
  error: { reason: string; stage: string | null; page: number | null } | null;
  unitKerja: string | null;
  uploadedBy: string | null;
  latestRunId: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Where the document is (stage; during OCR page k of n). With the queue the stored status stays
   * `queued` until the result is saved, so a running document is told by this, not by `status`.
   */
  progress?: {
    stage: 'queued' | 'ocr' | 'parse' | 'store' | 'done' | 'failed';
    page: number | null;
    pages: number | null;
  } | null;
}

/** A row of the archive list (GET /workbench/documents). */
export interface ArchiveDocument extends DocumentView {
  forms: number;
  rows: number;
  openFlags: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface UploadOutcome {
  documents: {
    fileName: string;
    archive: string | null;
    id: string;
    sha256: string;
    status: DocumentStatus;
    created: boolean;
    queued: boolean;
  }[];
  rejected: { fileName: string; archive: string | null; field: string; status: number; reason: string }[];
  skipped: { archive: string; path: string; reason: string }[];
}

export interface Flag {
  code: FlagCode;
  severity: Severity;
  path: string | null;
  message: string;
  suggestion: string | null;
  id: string | null;
  status: FlagStatus;
  note: string | null;
}

export interface Formula {
  kind: 'ratio' | 'count' | 'sum' | 'score' | 'text';
  numerator: string | null;
  denominator: string | null;
  scale: number | null;
  unit: '%' | null;
  expression: string | null;
}

export interface Row {
  rowKey: string;
  no: string | null;
  sasaran: string | null;
  indikator: string | null;
  formulasi: string | null;
  penjelasan: string[];
  formula: Formula | null;
  target: Record<string, number | string>;
  satuan: string | null;
  penanggungJawab: string | null;
  sumberData: string[];
  catatan?: string;
  provenance: { page: number | null; bbox: [number, number, number, number] | null };
}

export interface Signer {
  nama: string | null;
  nip: string | null;
  jabatan: string | null;
}

export interface Section {
  sectionKey: string;
  title: string | null;
  kind: 'IKI' | 'IKU' | 'IK-ESELON' | 'OTHER';
  jabatan: string | null;
  unitKerja: string | null;
  lampiran: {
    label: string | null;
    keputusan: string | null;
    nomor: string | null;
    tahun: number | null;
    tanggal: string | null;
  } | null;
  periode: { dari: number; sampai: number } | null;
  tugas: string[];
  fungsi: string[];
  indikator: Row[];
  penandatangan: Signer[];
  tempat: string | null;
  tanggal: string | null;
  flags: Flag[];
}

export interface KeyedResult {
  schemaVersion: 1;
  documentId: string;
  run: { id: string; version: number };
  source: { file: string; sha256: string; mediaType: string; pages: number | null; extraction: string };
  sections: Section[];
  flags: Flag[];
}

export interface Correction {
  id: string;
  documentId: string;
  rowKey: string | null;
  sectionKey: string | null;
  path: string;
  version: number;
  baseValue: unknown;
  oldValue: unknown;
  newValue: unknown;
  author: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  supersededBy: string | null;
  state: 'active' | 'superseded' | 'undone';
}

export interface Conflict {
  id: string;
  documentId: string;
  runId: string;
  correctionId: string;
  reason: 'target-missing' | 'path-missing' | 'value-changed' | 'invalid-result';
  expected: unknown;
  actual: unknown;
  rowKey: string | null;
  sectionKey: string | null;
  path: string;
  newValue: unknown;
  resolvedAt: string | null;
  resolution: 'reapplied' | 'discarded' | null;
  createdAt: string;
}

export interface RowHit {
  documentId: string;
  fileName: string;
  sectionIndex: number;
  sectionKey: string;
  index: number;
  rowKey: string;
  jabatan: string | null;
  unitKerja: string | null;
  no: string | null;
  sasaran: string | null;
  indikator: string | null;
  formulasi: string | null;
}

export interface PageSize {
  page: number;
  width: number;
  height: number;
}

export type SourceInfo =
  | { kind: 'pdf' | 'image'; mediaType: string; pages: PageSize[] }
  | { kind: 'text'; mediaType: string; text: string; truncated: boolean }
  | { kind: 'none'; mediaType: string; reason: string };

export interface ApiErrorBody {
  error: string;
  message: string;
  field?: string;
  reason?: string;
}
