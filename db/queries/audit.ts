import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { auditLog } from "../schema";

export type AuditEntry = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

/** Pass the transaction that makes the change, so the entry exists exactly when the change does. */
export async function recordAudit(db: Executor, entry: AuditEntry) {
  await db.insert(auditLog).values(entry);
}

export async function listAudit(
  db: Executor,
  filter: { action?: string; targetType?: string; targetId?: string; before?: Date; limit?: number } = {},
): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
  if (filter.before) where.push(lt(auditLog.createdAt, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt))
    .limit(Math.min(filter.limit ?? 100, 500));
}
