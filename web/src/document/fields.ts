/**
 * The editable fields of a row and of a form: where each lives (row key or section key + path),
 * how it is edited (one line of text, a list, a number, a choice, a date, a target) and how the
 * reviewer's text becomes the JSON value the API stores.
 */
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/i18n';
import type { Row, Section } from '../api/types';
import { getAt } from './paths';

export type FieldKind = 'text' | 'lines' | 'number' | 'integer' | 'enum' | 'date' | 'target';

export interface Target {
  rowKey?: string;
  sectionKey?: string;
}

export interface FieldSpec {
  /** Unique on the page: `r|<rowKey>|<path>` or `s|<sectionKey>|<path>`. */
  id: string;
  target: Target;
  path: string;
  kind: FieldKind;
  label: string;
  options?: readonly (string | null)[];
  /** Spans the whole width of the row card (long texts). */
  wide?: boolean;
  /** Spans two columns (medium texts). */
  span2?: boolean;
}

export function fieldId(target: Target, path: string): string {
  return target.rowKey !== undefined ? `r|${target.rowKey}|${path}` : `s|${target.sectionKey ?? ''}|${path}`;
}

const FORMULA_KINDS = ['ratio', 'count', 'sum', 'score', 'text'] as const;
const SECTION_KINDS = ['IKI', 'IKU', 'IK-ESELON', 'OTHER'] as const;

function spec(
  target: Target,
  path: string,
  kind: FieldKind,
  labelKey: MessageKey,
  extra: Partial<FieldSpec> = {},
) {
  return { id: fieldId(target, path), target, path, kind, label: t(labelKey), ...extra };
}

/** Every year a section's rows have a target for, in order: a row missing one can be filled. */
export function sectionYears(section: Section): string[] {
  const years = new Set<string>();
  if (section.periode)
    for (let y = section.periode.dari; y <= section.periode.sampai; y++) years.add(String(y));
  for (const row of section.indikator) for (const y of Object.keys(row.target)) years.add(y);
  return [...years].sort();
}

export function rowFields(row: Row, years: readonly string[]): FieldSpec[] {
  const tg: Target = { rowKey: row.rowKey };
  const out: FieldSpec[] = [
    spec(tg, 'sasaran', 'text', 'field.sasaran', { wide: true }),
    spec(tg, 'indikator', 'text', 'field.indikator', { wide: true }),
    spec(tg, 'formulasi', 'text', 'field.formulasi', { wide: true }),
    spec(tg, 'no', 'text', 'field.no'),
  ];
  if (row.formula) {
    out.push(spec(tg, 'formula.kind', 'enum', 'field.formula.kind', { options: FORMULA_KINDS }));
    out.push(spec(tg, 'formula.expression', 'text', 'field.formula.expression', { span2: true }));
  }
  for (const y of years) {
    out.push({ ...spec(tg, `target.${y}`, 'target', 'field.target'), label: t('field.target', { year: y }) });
  }
  out.push(spec(tg, 'satuan', 'text', 'field.satuan'));
  out.push(spec(tg, 'penanggungJawab', 'text', 'field.penanggungJawab', { span2: true }));
  out.push(spec(tg, 'sumberData', 'lines', 'field.sumberData', { wide: true }));
  if (row.penjelasan.length) out.push(spec(tg, 'penjelasan', 'lines', 'field.penjelasan', { wide: true }));
  if (row.catatan !== undefined) out.push(spec(tg, 'catatan', 'text', 'field.catatan', { wide: true }));
  return out;
}

export function sectionFields(section: Section): FieldSpec[] {
  const tg: Target = { sectionKey: section.sectionKey };
  const out: FieldSpec[] = [
    spec(tg, 'jabatan', 'text', 'field.jabatan', { wide: true }),
    spec(tg, 'unitKerja', 'text', 'field.unitKerja', { span2: true }),
    spec(tg, 'kind', 'enum', 'field.kind', { options: SECTION_KINDS }),
    spec(tg, 'title', 'text', 'field.title', { wide: true }),
  ];
  if (section.periode) {
    out.push(spec(tg, 'periode.dari', 'integer', 'field.periode.dari'));
    out.push(spec(tg, 'periode.sampai', 'integer', 'field.periode.sampai'));
  }
  if (section.lampiran) {
    out.push(spec(tg, 'lampiran.label', 'text', 'field.lampiran.label'));
    out.push(spec(tg, 'lampiran.nomor', 'text', 'field.lampiran.nomor'));
    out.push(spec(tg, 'lampiran.tahun', 'integer', 'field.lampiran.tahun'));
    out.push(spec(tg, 'lampiran.tanggal', 'date', 'field.lampiran.tanggal', { span2: true }));
    out.push(spec(tg, 'lampiran.keputusan', 'text', 'field.lampiran.keputusan', { wide: true }));
  }
  out.push(spec(tg, 'tugas', 'lines', 'field.tugas', { wide: true }));
  out.push(spec(tg, 'fungsi', 'lines', 'field.fungsi', { wide: true }));
  out.push(spec(tg, 'tempat', 'text', 'field.tempat', { span2: true }));
  out.push(spec(tg, 'tanggal', 'date', 'field.tanggal', { span2: true }));
  return out;
}

export function signerFields(section: Section, k: number): FieldSpec[] {
  const tg: Target = { sectionKey: section.sectionKey };
  return [
    spec(tg, `penandatangan[${k}].nama`, 'text', 'field.nama', { span2: true }),
    spec(tg, `penandatangan[${k}].nip`, 'text', 'field.nip', { span2: true }),
    spec(tg, `penandatangan[${k}].jabatan`, 'text', 'field.jabatan', { span2: true }),
  ];
}

/** The value a field shows, as text (lists one item per line). */
export function formatValue(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join('\n');
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The reviewer's text as the field's JSON value; an empty text clears the field (null or []). */
export function parseValue(kind: FieldKind, text: string): Parsed {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  switch (kind) {
    case 'lines':
      return {
        ok: true,
        value: text
          .split('\n')
          .map((l) => l.replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      };
    case 'number':
    case 'integer': {
      if (!trimmed) return { ok: true, value: null };
      const n = Number(trimmed.replace(',', '.'));
      if (!Number.isFinite(n) || (kind === 'integer' && !Number.isInteger(n))) {
        return { ok: false, error: t('doc.invalidNumber') };
      }
      return { ok: true, value: n };
    }
    case 'target': {
      if (!trimmed) return { ok: true, value: null };
      // "90", "90,5" and "90.5" are numbers; "≥ 90" or "Baik" stay text, as printed.
      const n = Number(trimmed.replace(/^(-?\d+),(\d+)$/, '$1.$2'));
      return { ok: true, value: Number.isFinite(n) && /^-?[\d.,]+$/.test(trimmed) ? n : trimmed };
    }
    case 'date':
      if (!trimmed) return { ok: true, value: null };
      return DATE.test(trimmed) ? { ok: true, value: trimmed } : { ok: false, error: t('doc.invalidDate') };
    case 'enum':
      return { ok: true, value: trimmed || null };
    default:
      return { ok: true, value: trimmed || null };
  }
}

/**
 * The correction to send for a new value: a target year that is cleared is removed from the
 * row's `target` (a target is a number or a text, never null).
 */
export function correctionFor(
  field: FieldSpec,
  value: unknown,
  owner: Row | Section,
): { path: string; value: unknown } {
  if (field.kind === 'target' && value === null) {
    const year = field.path.slice('target.'.length);
    const rest = { ...((getAt(owner, 'target') as Record<string, unknown> | null) ?? {}) };
    delete rest[year];
    return { path: 'target', value: rest };
  }
  return { path: field.path, value };
}
