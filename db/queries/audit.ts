import { and, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { auditLog } from "../schema";
import { containing } from "./like";

export type AuditEntry = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

/** Pass the transaction that makes the change, so the entry exists exactly when the change does. */
export async function recordAudit(db: Executor, entry: AuditEntry) {
  await db.insert(auditLog).values(entry);
}

export async function listAudit(
  db: Executor,
  filter: {
    action?: string;
    targetType?: string;
    targetId?: string;
    /** Part of the actor's email, case-insensitive. */
    actor?: string;
    after?: Date;
    before?: Date;
    limit?: number;
    offset?: number;
  } = {},
): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
  if (filter.before) where.push(lt(auditLog.createdAt, filter.before));
  if (filter.after) where.push(gte(auditLog.createdAt, filter.after));
  if (filter.actor) where.push(ilike(auditLog.actorEmail, containing(filter.actor)));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt))
    .limit(Math.min(filter.limit ?? 100, 500))
    .offset(filter.offset ?? 0);
}

/** The actions recorded so far, for the audit page's filter. */
export async function auditActions(db: Executor): Promise<string[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).groupBy(auditLog.action).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
