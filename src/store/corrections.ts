/**
 * Reviewers' corrections: versioned edits per field (who, when, old, new) with history and undo.
 * A correction names its row by row key (or its section by section key), never by position, and
 * remembers the extracted value it was made against, so it can be re-applied to later runs.
 */
import { and, asc, desc, eq, inArray, isNull, max, ne, type SQL, sql } from 'drizzle-orm';
import { BadInputError } from '../errors.js';
import {
  checkCorrectionPath,
  findTarget,
  fitsContract,
  indexKeys,
  type ConflictReason,
} from './apply-corrections.js';
import { audit } from './audit.js';
import type { Db, Store } from './db.js';
import { isUuid, lockDocument } from './documents.js';
import { NotFoundError, StateConflictError } from './errors.js';
import { getAt, sameJson, setAt } from './field-path.js';
import { correctedLatest, rematerialise } from './materialise.js';
import { correctionConflicts, corrections, documents } from './schema.js';

export type CorrectionRecord = typeof corrections.$inferSelect;

export interface CorrectionEntry extends CorrectionRecord {
  /** active: the field's current edit; superseded: a later edit replaced it; undone. */
  state: 'active' | 'superseded' | 'undone';
}

export interface CorrectionTarget {
  documentId: string;
  /** Exactly one of rowKey / sectionKey. */
  rowKey?: string | null;
  sectionKey?: string | null;
  /** Relative to the row or section: `formulasi`, `target.2019`, `penandatangan[0].nip`. */
  path: string;
}

export interface NewCorrection extends CorrectionTarget {
  newValue: unknown;
  author: string;
}

/** Largest accepted corrected value, as JSON text. */
export const MAX_VALUE_JSON_LENGTH = 20_000;

/**
 * Records an edit of one field of the latest run: the value shown before (old), the new one, and
 * the extracted value underneath (base). Rejects an edit the contract would not accept.
 */
export async function addCorrection(store: Store, input: NewCorrection): Promise<CorrectionEntry> {
  return store.db.transaction(async (tx) => {
    await lockDocument(tx, input.documentId);
    const created = await addCorrectionTx(tx, input);
    await rematerialise(tx, input.documentId);
    return { ...created, state: 'active' as const };
  });
}

async function addCorrectionTx(tx: Db, input: NewCorrection): Promise<CorrectionRecord> {
  const rowKey = input.rowKey ?? null;
  const sectionKey = input.sectionKey ?? null;
  if ((rowKey === null) === (sectionKey === null)) {
    throw new BadInputError('a correction names exactly one of rowKey or sectionKey', { stage: 'store' });
  }
  const kind = rowKey !== null ? 'row' : 'section';
  const segments = checkCorrectionPath(kind, input.path);
  const newValue = jsonValue(input.newValue);

  const latest = await correctedLatest(tx, input.documentId);
  if (!latest) throw new StateConflictError(`document ${input.documentId} has no extraction to correct`);
  const index = indexKeys(latest.applied.keys);
  const target = { rowKey, sectionKey };
  const rawTarget = findTarget(latest.raw, index, target);
  const shown = findTarget(latest.applied.file, index, target);
  if (!rawTarget || !shown) throw new NotFoundError(`no ${kind} ${rowKey ?? sectionKey} in the latest run`);
  const base = getAt(rawTarget.value, segments);
  const old = getAt(shown.value, segments);
  if (!base.ok || !old.ok)
    throw new BadInputError(`the ${kind} has no field ${input.path}`, { stage: 'store' });
  if (sameJson(old.value, newValue))
    throw new BadInputError(`${input.path} already has that value`, { stage: 'store' });
  const updated = setAt(shown.value, segments, newValue);
  if (updated === undefined || !fitsContract(kind, updated)) {
    throw new BadInputError(`that value for ${input.path} does not fit the output contract`, {
      stage: 'store',
    });
  }

  const field = fieldWhere(input.documentId, rowKey, sectionKey, input.path);
  const [{ last } = { last: null }] = await tx
    .select({ last: max(corrections.version) })
    .from(corrections)
    .where(field);
  const [created] = await tx
    .insert(corrections)
    .values({
      documentId: input.documentId,
      rowKey,
      sectionKey,
      path: input.path,
      version: (last ?? 0) + 1,
      baseValue: base.value ?? null,
      oldValue: old.value ?? null,
      newValue,
      author: input.author,
    })
    .returning();
  if (!created) throw new StateConflictError('correction was not stored');
  // The edit it replaces (if any) points forward to it.
  await tx
    .update(corrections)
    .set({ supersededBy: created.id })
    .where(
      and(
        field,
        isNull(corrections.undoneAt),
        isNull(corrections.supersededBy),
        ne(corrections.id, created.id),
      ),
    );
  // A fresh edit of a field settles that field's open re-application conflicts.
  await resolveFieldConflicts(
    tx,
    input.documentId,
    rowKey,
    sectionKey,
    input.path,
    'reapplied',
    input.author,
  );
  await audit(tx, input.author, 'correction.add', input.documentId, {
    correctionId: created.id,
    rowKey,
    sectionKey,
    path: input.path,
    version: created.version,
    old: old.value ?? null,
    new: newValue,
  });
  return created;
}

/**
 * Undoes the current edit of a field; the field shows the edit before it again (or the extracted
 * value). Only the field's latest live edit can be undone, so history stays a clean stack.
 */
export async function undoCorrection(
  store: Store,
  correctionId: string,
  actor: string,
): Promise<CorrectionEntry> {
  return store.db.transaction(async (tx) => {
    const found = await getCorrection(tx, correctionId);
    await lockDocument(tx, found.documentId);
    const c = await getCorrection(tx, correctionId);
    if (c.undoneAt !== null) throw new StateConflictError(`correction ${correctionId} is already undone`);
    const field = fieldWhere(c.documentId, c.rowKey, c.sectionKey, c.path);
    const [{ top } = { top: null }] = await tx
      .select({ top: max(corrections.version) })
      .from(corrections)
      .where(and(field, isNull(corrections.undoneAt)));
    if (top !== c.version) {
      throw new StateConflictError(
        `correction ${correctionId} has a later edit of ${c.path}; undo that first`,
      );
    }
    const [undone] = await tx
      .update(corrections)
      .set({ undoneAt: sql`clock_timestamp()`, undoneBy: actor })
      .where(eq(corrections.id, c.id))
      .returning();
    // The edit underneath is current again.
    await tx
      .update(corrections)
      .set({ supersededBy: null })
      .where(and(field, eq(corrections.supersededBy, c.id)));
    await rematerialise(tx, c.documentId);
    await audit(tx, actor, 'correction.undo', c.documentId, {
      correctionId: c.id,
      rowKey: c.rowKey,
      sectionKey: c.sectionKey,
      path: c.path,
      version: c.version,
    });
    return { ...(undone as CorrectionRecord), state: 'undone' as const };
  });
}

export interface HistoryFilter {
  path?: string;
  rowKey?: string;
  sectionKey?: string;
}

/** Every edit of a document (or of one field), grouped by field, oldest version first. */
export async function correctionHistory(
  store: Store,
  documentId: string,
  filter: HistoryFilter | string = {},
): Promise<CorrectionEntry[]> {
  const f = typeof filter === 'string' ? { path: filter } : filter;
  if (!isUuid(documentId)) return [];
  const conds: SQL[] = [eq(corrections.documentId, documentId)];
  if (f.path !== undefined) conds.push(eq(corrections.path, f.path));
  if (f.rowKey !== undefined) conds.push(eq(corrections.rowKey, f.rowKey));
  if (f.sectionKey !== undefined) conds.push(eq(corrections.sectionKey, f.sectionKey));
  const rows = await store.db
    .select()
    .from(corrections)
    .where(and(...conds))
    .orderBy(
      asc(corrections.rowKey),
      asc(corrections.sectionKey),
      asc(corrections.path),
      asc(corrections.version),
    );
  const liveTop = new Map<string, number>();
  for (const r of rows) {
    if (r.undoneAt !== null) continue;
    const k = `${r.rowKey}\u0000${r.sectionKey}\u0000${r.path}`;
    liveTop.set(k, Math.max(liveTop.get(k) ?? 0, r.version));
  }
  return rows.map((r) => ({
    ...r,
    state:
      r.undoneAt !== null
        ? 'undone'
        : liveTop.get(`${r.rowKey}\u0000${r.sectionKey}\u0000${r.path}`) === r.version
          ? 'active'
          : 'superseded',
  }));
}

export type ConflictRecord = typeof correctionConflicts.$inferSelect & {
  rowKey: string | null;
  sectionKey: string | null;
  path: string;
  newValue: unknown;
};

/**
 * Re-application conflicts of a document, newest first: by default the open ones of the latest
 * run (what a reviewer must settle); `allRuns` and `includeResolved` widen that to the history.
 */
export async function listConflicts(
  store: Store,
  documentId: string,
  opts: { includeResolved?: boolean; allRuns?: boolean } = {},
): Promise<ConflictRecord[]> {
  if (!isUuid(documentId)) return [];
  const conds: SQL[] = [eq(correctionConflicts.documentId, documentId)];
  if (!opts.includeResolved) conds.push(isNull(correctionConflicts.resolvedAt));
  if (!opts.allRuns) {
    conds.push(
      sql`${correctionConflicts.runId} = (select ${documents.latestRunId} from ${documents} where ${documents.id} = ${documentId})`,
    );
  }
  const rows = await store.db
    .select({
      conflict: correctionConflicts,
      rowKey: corrections.rowKey,
      sectionKey: corrections.sectionKey,
      path: corrections.path,
      newValue: corrections.newValue,
    })
    .from(correctionConflicts)
    .innerJoin(corrections, eq(corrections.id, correctionConflicts.correctionId))
    .where(and(...conds))
    .orderBy(desc(correctionConflicts.createdAt), asc(corrections.path));
  return rows.map((r) => ({
    ...r.conflict,
    rowKey: r.rowKey,
    sectionKey: r.sectionKey,
    path: r.path,
    newValue: r.newValue,
  }));
}

export type ConflictAction =
  /** Apply the correction's value to the field as it is now (optionally on another row/section). */
  | { action: 'reapply'; rowKey?: string; sectionKey?: string }
  /** Keep the extraction's value: the field's edits are closed (marked undone, kept in history). */
  | { action: 'discard' };

/** Settles a re-application conflict; the correction and the conflict are both kept. */
export async function resolveConflict(
  store: Store,
  conflictId: string,
  how: ConflictAction,
  actor: string,
): Promise<void> {
  await store.db.transaction(async (tx) => {
    const [conflict] = isUuid(conflictId)
      ? await tx.select().from(correctionConflicts).where(eq(correctionConflicts.id, conflictId))
      : [];
    if (!conflict) throw new NotFoundError(`no conflict ${conflictId}`);
    if (conflict.resolvedAt !== null)
      throw new StateConflictError(`conflict ${conflictId} is already resolved`);
    await lockDocument(tx, conflict.documentId);
    const c = await getCorrection(tx, conflict.correctionId);
    const retarget = how.action === 'reapply' && (how.rowKey !== undefined || how.sectionKey !== undefined);
    if (how.action === 'reapply') {
      const rowKey = retarget ? (how.rowKey ?? null) : c.rowKey;
      const sectionKey = retarget ? (how.sectionKey ?? null) : c.sectionKey;
      if (!retarget && conflict.reason === 'target-missing') {
        throw new BadInputError('the corrected row is gone: name the row or section to apply it to', {
          stage: 'store',
        });
      }
      await addCorrectionTx(tx, {
        documentId: c.documentId,
        rowKey,
        sectionKey,
        path: c.path,
        newValue: c.newValue,
        author: actor,
      });
    }
    if (how.action === 'discard' || retarget) {
      await tx
        .update(corrections)
        .set({ undoneAt: sql`clock_timestamp()`, undoneBy: actor })
        .where(and(fieldWhere(c.documentId, c.rowKey, c.sectionKey, c.path), isNull(corrections.undoneAt)));
    }
    const resolution = how.action === 'discard' ? 'discarded' : 'reapplied';
    await resolveFieldConflicts(tx, c.documentId, c.rowKey, c.sectionKey, c.path, resolution, actor);
    await rematerialise(tx, c.documentId);
    await audit(tx, actor, 'conflict.resolve', c.documentId, {
      conflictId,
      correctionId: c.id,
      action: how.action,
      ...(retarget ? { rowKey: how.rowKey ?? null, sectionKey: how.sectionKey ?? null } : {}),
    });
  });
}

async function resolveFieldConflicts(
  tx: Db,
  documentId: string,
  rowKey: string | null,
  sectionKey: string | null,
  path: string,
  resolution: 'reapplied' | 'discarded',
  actor: string,
): Promise<void> {
  const fieldCorrections = tx
    .select({ id: corrections.id })
    .from(corrections)
    .where(fieldWhere(documentId, rowKey, sectionKey, path));
  await tx
    .update(correctionConflicts)
    .set({ resolvedAt: sql`clock_timestamp()`, resolvedBy: actor, resolution })
    .where(
      and(
        eq(correctionConflicts.documentId, documentId),
        isNull(correctionConflicts.resolvedAt),
        inArray(correctionConflicts.correctionId, fieldCorrections),
      ),
    );
}

function fieldWhere(documentId: string, rowKey: string | null, sectionKey: string | null, path: string): SQL {
  return and(
    eq(corrections.documentId, documentId),
    rowKey === null ? isNull(corrections.rowKey) : eq(corrections.rowKey, rowKey),
    sectionKey === null ? isNull(corrections.sectionKey) : eq(corrections.sectionKey, sectionKey),
    eq(corrections.path, path),
  ) as SQL;
}

async function getCorrection(tx: Db, id: string): Promise<CorrectionRecord> {
  const [c] = isUuid(id) ? await tx.select().from(corrections).where(eq(corrections.id, id)) : [];
  if (!c) throw new NotFoundError(`no correction ${id}`);
  return c;
}

/** A JSON value (a round trip drops functions and undefined; those are rejected). */
function jsonValue(value: unknown): unknown {
  if (value === undefined)
    throw new BadInputError('a correction needs a new value (null to clear)', { stage: 'store' });
  const text = JSON.stringify(value);
  if (text === undefined || text.length > MAX_VALUE_JSON_LENGTH) {
    throw new BadInputError('the new value is not JSON or is too large', { stage: 'store' });
  }
  return JSON.parse(text) as unknown;
}

export type { ConflictReason };
