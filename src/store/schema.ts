/**
 * The database schema (Drizzle pg-core), shared by PostgreSQL and PGlite. `npx drizzle-kit generate`
 * turns changes here into SQL migrations under drizzle/; never edit a generated migration by hand.
 *
 * Conventions: ids are uuids (not guessable through the API); actors/authors are free text (a user
 * id, or "cli"/"system" for work without a user); every timestamp is `timestamptz`.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Postgres full-text vector; Drizzle has no built-in column type for it. */
const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/**
 * jsonb whose value is returned exactly as stored. Drizzle's own jsonb JSON.parses a string the
 * driver already parsed, so a stored string such as "197410181994031003" came back as a number.
 * Both pg and PGlite parse jsonb themselves; this column only serialises on the way in.
 */
const jsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType() {
    return 'jsonb';
  },
  toDriver(value) {
    return JSON.stringify(value);
  },
  fromDriver(value) {
    return value;
  },
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const userRole = pgEnum('user_role', ['uploader', 'reviewer', 'admin']);
export const documentStatus = pgEnum('document_status', ['queued', 'processing', 'done', 'failed']);
export const pageExtraction = pgEnum('page_extraction', ['pdf-text', 'ocr']);
export const pageStatus = pgEnum('page_status', ['ok', 'low-confidence', 'unreadable']);
export const runStatus = pgEnum('run_status', ['running', 'done', 'failed']);
export const flagStatus = pgEnum('flag_status', ['open', 'accepted', 'dismissed']);
export const flagSeverity = pgEnum('flag_severity', ['error', 'warning', 'info']);
export const conflictReason = pgEnum('conflict_reason', [
  'target-missing',
  'path-missing',
  'value-changed',
  'invalid-result',
]);
export const conflictResolution = pgEnum('conflict_resolution', ['reapplied', 'discarded']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased so that uniqueness ignores case. */
  email: text('email').notNull().unique(),
  /** `scrypt$N$r$p$salt$hash` (see password.ts): self-describing so parameters can change later. */
  passwordHash: text('password_hash').notNull(),
  role: userRole('role').notNull(),
  createdAt: createdAt(),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** sha256 (hex) of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name'),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Of the raw bytes: the same bytes are never processed twice. */
    sha256: text('sha256').notNull().unique(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    pages: integer('pages'),
    status: documentStatus('status').notNull().default('queued'),
    /** Why processing failed: the reason, and where (stage, page) when known. */
    error: text('error'),
    errorStage: text('error_stage'),
    errorPage: integer('error_page'),
    storageKey: text('storage_key'),
    unitKerja: text('unit_kerja'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    /** The newest extraction run; reviewer queries look only at this one. */
    latestRunId: uuid('latest_run_id').references((): AnyPgColumn => extractionRuns.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_status_idx').on(t.status),
    index('documents_unit_kerja_idx').on(sql`lower(${t.unitKerja})`),
    index('documents_created_idx').on(t.createdAt),
  ],
);

export const pages = pgTable(
  'pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    pageNo: integer('page_no').notNull(),
    extraction: pageExtraction('extraction').notNull(),
    meanConfidence: real('mean_confidence'),
    status: pageStatus('status').notNull().default('ok'),
  },
  (t) => [uniqueIndex('pages_document_page_uq').on(t.documentId, t.pageNo)],
);

export const extractionRuns = pgTable(
  'extraction_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** 1, 2, …: a re-extraction is a new run; older runs are kept. */
    version: integer('version').notNull(),
    extractorVersion: text('extractor_version').notNull(),
    status: runStatus('status').notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The extractor's output exactly as produced (contract JSON), before any correction. */
    result: jsonb('result'),
    error: text('error'),
  },
  (t) => [uniqueIndex('extraction_runs_document_version_uq').on(t.documentId, t.version)],
);

export const sections = pgTable(
  'sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => extractionRuns.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    /** Stable identity across runs (kind + normalised jabatan + occurrence), see row-key.ts. */
    sectionKey: text('section_key').notNull(),
    title: text('title'),
    kind: text('kind').notNull(),
    jabatan: text('jabatan'),
    unitKerja: text('unit_kerja'),
    /** The section with corrections applied, without `indikator` (rows are their own table). */
    data: jsonb('data').notNull(),
  },
  (t) => [
    uniqueIndex('sections_run_index_uq').on(t.runId, t.index),
    index('sections_jabatan_idx').on(sql`lower(${t.jabatan})`),
    index('sections_unit_kerja_idx').on(sql`lower(${t.unitKerja})`),
    index('sections_key_idx').on(t.sectionKey),
  ],
);

export const indicatorRows = pgTable(
  'indicator_rows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => extractionRuns.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    /** Stable identity across runs (jabatan + sasaran + indikator + occurrence), never the position. */
    rowKey: text('row_key').notNull(),
    /** Copied from the section so reviewer filters and full-text search need no join. */
    jabatan: text('jabatan'),
    unitKerja: text('unit_kerja'),
    no: text('no'),
    sasaran: text('sasaran'),
    indikator: text('indikator'),
    formulasi: text('formulasi'),
    /** The row with corrections applied (contract IndikatorRow). */
    data: jsonb('data').notNull(),
    search: tsvector('search').generatedAlwaysAs(
      (): ReturnType<typeof sql> =>
        sql`to_tsvector('simple', coalesce(${indicatorRows.jabatan}, '') || ' ' || coalesce(${indicatorRows.sasaran}, '') || ' ' || coalesce(${indicatorRows.indikator}, '') || ' ' || coalesce(${indicatorRows.formulasi}, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('indicator_rows_run_key_uq').on(t.runId, t.rowKey),
    index('indicator_rows_section_idx').on(t.sectionId, t.index),
    index('indicator_rows_key_idx').on(t.rowKey),
    index('indicator_rows_jabatan_idx').on(sql`lower(${t.jabatan})`),
    index('indicator_rows_unit_kerja_idx').on(sql`lower(${t.unitKerja})`),
    index('indicator_rows_search_idx').using('gin', t.search),
  ],
);

export const flags = pgTable(
  'flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => extractionRuns.id, { onDelete: 'cascade' }),
    /** Null for a file-level flag. */
    sectionId: uuid('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    /** Set when the flag's path points into one indicator row. */
    rowId: uuid('row_id').references(() => indicatorRows.id, { onDelete: 'cascade' }),
    rowKey: text('row_key'),
    code: text('code').notNull(),
    severity: flagSeverity('severity').notNull(),
    path: text('path'),
    message: text('message').notNull(),
    suggestion: text('suggestion'),
    status: flagStatus('status').notNull().default('open'),
    note: text('note'),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    index('flags_run_idx').on(t.runId),
    index('flags_code_idx').on(t.code, t.status),
    index('flags_status_idx').on(t.status),
    index('flags_row_idx').on(t.rowId),
  ],
);

export const corrections = pgTable(
  'corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** Exactly one of rowKey / sectionKey names the corrected object. */
    rowKey: text('row_key'),
    sectionKey: text('section_key'),
    /** Field path inside that object: `formulasi`, `target.2019`, `penandatangan[0].nip`. */
    path: text('path').notNull(),
    /** 1, 2, … per (document, target, path). */
    version: integer('version').notNull(),
    /** The extracted (uncorrected) value this edit was made against; re-application compares it. */
    baseValue: jsonb('base_value'),
    /** The value shown before this edit (an earlier correction's value, or the extracted one). */
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    author: text('author').notNull(),
    /** clock_timestamp: edits made in one transaction keep their order. */
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    /** The next edit of the same field, once there is one. */
    supersededBy: uuid('superseded_by').references((): AnyPgColumn => corrections.id, {
      onDelete: 'set null',
    }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
  },
  (t) => [
    check('corrections_one_target', sql`(${t.rowKey} is null) <> (${t.sectionKey} is null)`),
    uniqueIndex('corrections_field_version_uq').on(
      t.documentId,
      sql`coalesce(${t.rowKey}, '')`,
      sql`coalesce(${t.sectionKey}, '')`,
      t.path,
      t.version,
    ),
    index('corrections_row_key_idx').on(t.rowKey),
  ],
);

/** A correction that could not be re-applied to a run; kept until a reviewer resolves it. */
export const correctionConflicts = pgTable(
  'correction_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => extractionRuns.id, { onDelete: 'cascade' }),
    correctionId: uuid('correction_id')
      .notNull()
      .references(() => corrections.id, { onDelete: 'cascade' }),
    reason: conflictReason('reason').notNull(),
    /** The value the correction expected to find (its base), and what the run has instead. */
    expected: jsonb('expected'),
    actual: jsonb('actual'),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
    resolution: conflictResolution('resolution'),
  },
  (t) => [index('correction_conflicts_document_idx').on(t.documentId, t.runId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details'),
    /** clock_timestamp, not now(): entries written by one transaction keep their order. */
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('audit_log_target_idx').on(t.target), index('audit_log_at_idx').on(t.at)],
);
