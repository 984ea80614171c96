import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { groups, userGroups, users } from "../schema";
import { containing } from "./like";

/** Admin reads and writes on accounts; callers check the admin role first. */

export type Role = "admin" | "employee";

/** Serializes changes that could leave no active administrator (role changes, deactivation). */
const ADMIN_SET_LOCK = 4242_0003;

export async function lockAdminSet(tx: Executor) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADMIN_SET_LOCK})`);
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true)));
  return row?.n ?? 0;
}

export async function listUsersWithGroups(db: Executor, filter: { q?: string; role?: Role; active?: boolean } = {}) {
  const where: SQL[] = [];
  if (filter.q) {
    const like = containing(filter.q);
    where.push(or(ilike(users.email, like), ilike(users.name, like))!);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.active !== undefined) where.push(eq(users.active, filter.active));
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
      // The outer column spelled out: drizzle renders a column in select fields unqualified.
      groups: sql<{ id: string; name: string }[]>`coalesce((
        SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name)
        FROM ${userGroups} ug JOIN ${groups} g ON g.id = ug.group_id WHERE ug.user_id = "users"."id"), '[]'::json)`,
    })
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.email))
    .limit(500);
}

/** Creates an account with a chosen role; null when the email is taken. */
export async function insertUser(db: Executor, input: { email: string; name: string; passwordHash: string; role: Role }) {
  const [user] = await db.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning();
  return user ?? null;
}

export async function updateUser(db: Executor, id: string, patch: { role?: Role; active?: boolean }) {
  const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning({ id: users.id });
  return row !== undefined;
}

export async function recordSignIn(db: Executor, id: string) {
  await db.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, id));
}

export async function groupIdsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.select({ id: userGroups.groupId }).from(userGroups).where(eq(userGroups.userId, userId));
  return rows.map((r) => r.id);
}
