/** What the API shows of stored records: no storage paths, errors as one object. */
import type { DocumentProgress } from '../runner/progress.js';
import { progressOfStatus } from '../runner/progress.js';
import type { DocumentRecord, RunRecord, User } from '../store/repository.js';

export interface DocumentView {
  id: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  pages: number | null;
  status: DocumentRecord['status'];
  error: { reason: string; stage: string | null; page: number | null } | null;
  unitKerja: string | null;
  uploadedBy: string | null;
  latestRunId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Where the document is: queued, OCR page k of n, parse, store, done or failed. */
  progress: DocumentProgress;
}

/** A document as the API shows it; `progress` is the live one when a runner reports it. */
export function documentView(d: DocumentRecord, progress?: DocumentProgress): DocumentView {
  return {
    id: d.id,
    sha256: d.sha256,
    fileName: d.fileName,
    mediaType: d.mediaType,
    byteSize: d.byteSize,
    pages: d.pages,
    status: d.status,
    error: d.error === null ? null : { reason: d.error, stage: d.errorStage, page: d.errorPage },
    unitKerja: d.unitKerja,
    uploadedBy: d.uploadedBy,
    latestRunId: d.latestRunId,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    progress: progress ?? progressOfStatus(d.status, d.pages),
  };
}

export function runView(r: RunRecord) {
  return {
    id: r.id,
    version: r.version,
    extractorVersion: r.extractorVersion,
    status: r.status,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    error: r.error,
  };
}

export function userView(u: User) {
  return { id: u.id, email: u.email, role: u.role, createdAt: u.createdAt };
}
