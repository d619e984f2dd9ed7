/**
 * The store's public API: every function takes the Store from openStore(). All SQL goes through
 * Drizzle's query builder or its `sql` template, so values are always bound parameters.
 */
export { type AuditEntry, type AuditFilter, audit, listAudit } from './audit.js';
export {
  type Role,
  ROLES,
  type User,
  authenticateToken,
  createApiToken,
  createUser,
  getUser,
  revokeApiToken,
  verifyPassword,
} from './auth.js';
export { NotFoundError, StateConflictError } from './errors.js';
export {
  type ConflictAction,
  type ConflictRecord,
  type CorrectionEntry,
  type CorrectionRecord,
  type HistoryFilter,
  type NewCorrection,
  addCorrection,
  correctionHistory,
  listConflicts,
  resolveConflict,
  undoCorrection,
} from './corrections.js';
export {
  type DocumentError,
  type DocumentMeta,
  type DocumentRecord,
  type DocumentStatus,
  type PageRecord,
  type RunRecord,
  documentErrorFrom,
  getDocument,
  getDocumentBySha256,
  listPages,
  listRuns,
  markProcessing,
  recordPages,
  setDocumentStatus,
  upsertDocument,
} from './documents.js';
export {
  type SaveExtractionOptions,
  type SaveExtractionResult,
  type StoredConflict,
  getLatestResult,
  getRunResult,
  recordFailedRun,
  saveExtraction,
} from './extraction.js';
export {
  type FlagFilter,
  type FlagHit,
  type FlagRecord,
  type FlagStatus,
  listFlags,
  setFlagStatus,
} from './flags.js';
export {
  type Page,
  type Paging,
  type ReviewFilter,
  type RowFilter,
  type RowHit,
  listDocuments,
  queryRows,
} from './search.js';
export { rowKey, sectionKey } from './row-key.js';
export { type Store, type StoreOptions, openStore } from './db.js';
