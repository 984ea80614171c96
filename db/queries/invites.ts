import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { invites } from "../schema";

export type InviteRow = typeof invites.$inferSelect;

export async function insertInvite(db: Executor, input: typeof invites.$inferInsert) {
  const [row] = await db.insert(invites).values(input).returning();
  return row!;
}

/** An invite that can still be accepted: unused and not expired. */
export async function findOpenInvite(db: Executor, tokenHash: string): Promise<InviteRow | null> {
  const [row] = await db
    .select()
    .from(invites)
    .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)));
  return row ?? null;
}

/** The newest invitation for an address that can still be accepted: single sign-on honours it without its link. */
export async function findOpenInviteByEmail(db: Executor, email: string): Promise<InviteRow | null> {
  const [row] = await db
    .select()
    .from(invites)
    .where(and(eq(invites.email, email), isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)))
    .orderBy(desc(invites.createdAt))
    .limit(1);
  return row ?? null;
}

/** Marks the invite used; false when another request used it first (single use under races). */
export async function consumeInvite(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(invites)
    .set({ usedAt: sql`now()` })
    .where(and(eq(invites.id, id), isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)))
    .returning({ id: invites.id });
  return rows.length > 0;
}

export async function listOpenInvites(db: Executor) {
  return db
    .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(and(isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)))
    .orderBy(desc(invites.createdAt))
    .limit(100);
}
