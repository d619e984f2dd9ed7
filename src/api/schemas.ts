/**
 * zod schemas of the API: request parts (validated on every call; a failure is a 400 naming the
 * field) and response shapes (used only to describe the API in /openapi.json).
 */
import { z } from 'zod';
import { ExtractedFile, Flag, FlagCode, FlagSeverity, IndikatorRow } from '../contract/schema.js';
import { PROGRESS_STAGES } from '../runner/progress.js';
import { MAX_VALUE_JSON_LENGTH } from '../store/corrections.js';
import { MAX_PATH_LENGTH } from '../store/field-path.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../store/password.js';
import { ROLES } from '../store/repository.js';
import { MAX_PAGE_SIZE, MAX_QUERY_LENGTH } from '../store/search.js';

/** Longest free-text filter value (unit kerja, jabatan, note). */
export const MAX_FILTER_LENGTH = 300;
/** Longest row or section key accepted (store keys are at most 240 characters). */
export const MAX_KEY_LENGTH = 300;
/** Longest reviewer note on a flag. */
export const MAX_NOTE_LENGTH = 2000;

// ---- request parts ----

export const IdParams = z.object({ id: z.uuid() });

const text = (max = MAX_FILTER_LENGTH) => z.string().trim().min(1).max(max);

const paging = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
};

export const DocumentStatus = z.enum(['queued', 'processing', 'done', 'failed']);
export const FlagStatus = z.enum(['open', 'accepted', 'dismissed']);

export const DocumentQuery = z.strictObject({
  status: DocumentStatus.optional(),
  unitKerja: text().optional(),
  jabatan: text().optional(),
  flagCode: FlagCode.optional(),
  q: text(MAX_QUERY_LENGTH).optional(),
  ...paging,
});

export const RowQuery = z.strictObject({
  ...DocumentQuery.shape,
  documentId: z.uuid().optional(),
});

export const FlagQuery = z.strictObject({
  documentId: z.uuid().optional(),
  code: FlagCode.optional(),
  severity: FlagSeverity.optional(),
  status: FlagStatus.optional(),
  jabatan: text().optional(),
  unitKerja: text().optional(),
  ...paging,
});

export const FlagPatch = z.strictObject({
  status: FlagStatus,
  note: z.string().max(MAX_NOTE_LENGTH).nullable().optional(),
});

const key = z.string().min(1).max(MAX_KEY_LENGTH);

export const FieldPatch = z
  .strictObject({
    rowKey: key.optional(),
    sectionKey: key.optional(),
    path: z.string().min(1).max(MAX_PATH_LENGTH),
    value: z.unknown().meta({ description: 'The new value (JSON; null clears the field).' }),
  })
  .superRefine((v, ctx) => {
    if ((v.rowKey === undefined) === (v.sectionKey === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['rowKey'], message: 'give exactly one of rowKey or sectionKey' });
    }
    if (JSON.stringify(v.value ?? null).length > MAX_VALUE_JSON_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `at most ${MAX_VALUE_JSON_LENGTH} characters of JSON`,
      });
    }
  });

export const HistoryQuery = z.strictObject({
  path: z.string().min(1).max(MAX_PATH_LENGTH).optional(),
  rowKey: key.optional(),
  sectionKey: key.optional(),
});

export const ConflictQuery = z.strictObject({
  includeResolved: z.stringbool().optional(),
  allRuns: z.stringbool().optional(),
});

export const ResolveConflictBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('reapply'), rowKey: key.optional(), sectionKey: key.optional() }),
  z.strictObject({ action: z.literal('discard') }),
]);

export const LoginBody = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const Role = z.enum(ROLES as [(typeof ROLES)[number], ...(typeof ROLES)[number][]]);

export const CreateUserBody = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  role: Role,
});

export const TokenBody = z.strictObject({ name: z.string().trim().min(1).max(100).optional() });

export const ExportFormat = z.enum(['csv', 'xlsx', 'json']);

export const ExportQuery = z.strictObject({
  format: ExportFormat,
  documentId: z.uuid().optional(),
  unitKerja: text().optional(),
});

// ---- response shapes (documentation only) ----

const timestamp = z.string().meta({ format: 'date-time' });

export const ErrorBody = z.object({
  error: z.string().meta({ description: 'bad_request, unauthorized, forbidden, not_found, conflict, …' }),
  message: z.string(),
  field: z.string().optional(),
  in: z.enum(['body', 'query', 'params', 'headers', 'files']).optional(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const UserView = z.object({ id: z.uuid(), email: z.string(), role: Role, createdAt: timestamp });

export const LoginResponse = z.object({ token: z.string(), tokenId: z.uuid(), user: UserView });

export const DocumentView = z.object({
  id: z.uuid(),
  sha256: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  pages: z.number().int().nullable(),
  status: DocumentStatus,
  error: z
    .object({ reason: z.string(), stage: z.string().nullable(), page: z.number().int().nullable() })
    .nullable(),
  unitKerja: z.string().nullable(),
  uploadedBy: z.uuid().nullable(),
  latestRunId: z.uuid().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  progress: z
    .object({
      stage: z.enum(PROGRESS_STAGES),
      page: z.number().int().nullable(),
      pages: z.number().int().nullable(),
    })
    .describe('Where the document is; during OCR, page k of n'),
});

export const RunView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  extractorVersion: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  error: z.string().nullable(),
});

export const DocumentDetail = DocumentView.extend({ runs: z.array(RunView) });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const UploadResponse = z.object({
  documents: z.array(
    z.object({
      fileName: z.string(),
      archive: z.string().nullable(),
      id: z.uuid(),
      sha256: z.string(),
      status: DocumentStatus,
      created: z.boolean(),
      queued: z.boolean(),
    }),
  ),
  rejected: z.array(
    z.object({
      fileName: z.string(),
      archive: z.string().nullable(),
      field: z.string(),
      status: z.number().int(),
      error: z.string(),
      reason: z.string(),
    }),
  ),
  skipped: z.array(z.object({ archive: z.string(), path: z.string(), reason: z.string() })),
});

const FlagDecision = { id: z.uuid().nullable(), status: FlagStatus, note: z.string().nullable() };

/** The contract, plus the keys a reviewer UI needs: stable row/section keys and flag ids. */
export const KeyedResult = ExtractedFile.extend({
  documentId: z.uuid(),
  run: z.object({ id: z.uuid(), version: z.number().int() }),
  sections: z.array(
    ExtractedFile.shape.sections.element.extend({
      sectionKey: z.string(),
      indikator: z.array(IndikatorRow.extend({ rowKey: z.string() })),
      flags: z.array(Flag.extend(FlagDecision)),
    }),
  ),
  flags: z.array(Flag.extend(FlagDecision)),
});

export const RowHitView = z.object({
  documentId: z.uuid(),
  fileName: z.string(),
  runId: z.uuid(),
  sectionId: z.uuid(),
  sectionIndex: z.number().int(),
  sectionKey: z.string(),
  rowId: z.uuid(),
  index: z.number().int(),
  rowKey: z.string(),
  jabatan: z.string().nullable(),
  unitKerja: z.string().nullable(),
  no: z.string().nullable(),
  sasaran: z.string().nullable(),
  indikator: z.string().nullable(),
  formulasi: z.string().nullable(),
  data: IndikatorRow,
});

export const FlagView = z.object({
  id: z.uuid(),
  runId: z.uuid(),
  sectionId: z.uuid().nullable(),
  rowId: z.uuid().nullable(),
  rowKey: z.string().nullable(),
  code: FlagCode,
  severity: FlagSeverity,
  path: z.string().nullable(),
  message: z.string(),
  suggestion: z.string().nullable(),
  status: FlagStatus,
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp.nullable(),
  documentId: z.uuid(),
  fileName: z.string(),
  sectionIndex: z.number().int().nullable(),
  jabatan: z.string().nullable(),
  rowIndex: z.number().int().nullable(),
});

export const CorrectionView = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  rowKey: z.string().nullable(),
  sectionKey: z.string().nullable(),
  path: z.string(),
  version: z.number().int(),
  baseValue: z.unknown(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  author: z.string(),
  createdAt: timestamp,
  undoneAt: timestamp.nullable(),
  undoneBy: z.string().nullable(),
  supersededBy: z.uuid().nullable(),
  state: z.enum(['active', 'superseded', 'undone']),
});

export const ConflictView = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  runId: z.uuid(),
  correctionId: z.uuid(),
  reason: z.enum(['target-missing', 'path-missing', 'value-changed', 'invalid-result']),
  expected: z.unknown(),
  actual: z.unknown(),
  rowKey: z.string().nullable(),
  sectionKey: z.string().nullable(),
  path: z.string(),
  newValue: z.unknown(),
  resolvedAt: timestamp.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.enum(['reapplied', 'discarded']).nullable(),
  createdAt: timestamp,
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  version: z.string(),
});
