/** Which results an export holds: one document, one unit kerja, or the whole archive. */
import type { ExtractedFile } from '../contract/schema.js';
import {
  NotFoundError,
  StateConflictError,
  type Store,
  getDocument,
  getLatestResult,
  listDocuments,
} from '../store/repository.js';
import { MAX_PAGE_SIZE } from '../store/search.js';

export interface ExportFilter {
  documentId?: string;
  /** Documents of this unit kerja (as uploaded or as extracted; case-insensitive). */
  unitKerja?: string;
}

/**
 * The latest results (corrections applied) of the selected documents, ordered by file name.
 * Documents without a successful run yet are left out, except a single requested document,
 * which is an error (NotFoundError, or StateConflictError when it has no result yet).
 */
export async function collectResults(store: Store, filter: ExportFilter = {}): Promise<ExtractedFile[]> {
  if (filter.documentId !== undefined) {
    const doc = await getDocument(store, filter.documentId);
    if (!doc) throw new NotFoundError(`no document ${filter.documentId}`);
    const result = await getLatestResult(store, doc.id);
    if (!result) throw new StateConflictError(`document ${doc.id} has no result yet (status ${doc.status})`);
    return [result];
  }
  const ids: string[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await listDocuments(store, {
      ...(filter.unitKerja ? { unitKerja: filter.unitKerja } : {}),
      limit: MAX_PAGE_SIZE,
      offset,
    });
    for (const d of page.items) if (d.latestRunId !== null) ids.push(d.id);
    if (page.items.length < MAX_PAGE_SIZE) break;
  }
  const results: ExtractedFile[] = [];
  for (const id of new Set(ids)) {
    const r = await getLatestResult(store, id);
    if (r) results.push(r);
  }
  return results.sort(
    (a, b) => a.source.file.localeCompare(b.source.file) || a.source.sha256.localeCompare(b.source.sha256),
  );
}
