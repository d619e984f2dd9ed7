/** The audit log: who did what to which object, append-only. */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { type Db, isStore, type Store } from './db.js';
import { auditLog } from './schema.js';

export type AuditEntry = typeof auditLog.$inferSelect;

/** Appends an entry; pass a transaction to make it part of the change it records. */
export async function audit(
  db: Store | Db,
  actor: string,
  action: string,
  target: string | null,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  const exec = isStore(db) ? db.db : db;
  await exec.insert(auditLog).values({ actor, action, target, details });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  limit?: number;
}

/** Newest first. */
export async function listAudit(store: Store, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const conds: SQL[] = [];
  if (filter.actor !== undefined) conds.push(eq(auditLog.actor, filter.actor));
  if (filter.action !== undefined) conds.push(eq(auditLog.action, filter.action));
  if (filter.target !== undefined) conds.push(eq(auditLog.target, filter.target));
  return store.db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 100, 1000));
}
