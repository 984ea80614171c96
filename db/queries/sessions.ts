import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { users } from "../schema";

/** Ends every session of the account: tokens carry the version they were issued under. */
export async function endSessionsOf(db: Executor, userId: string) {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

export async function sessionVersionOf(db: Executor, userId: string): Promise<number | null> {
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.sessionVersion ?? null;
}

/** A new password ends every session too, in the same statement, so no old session outlives it. */
export async function setPasswordHash(db: Executor, userId: string, passwordHash: string) {
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return row !== undefined;
}
