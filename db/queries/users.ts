import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { users } from "../schema";

export type UserRow = typeof users.$inferSelect;

/** Arbitrary constant: serializes sign-ups so that exactly one first user becomes admin. */
const FIRST_USER_LOCK = 4242_0002;

export async function createUser(db: Executor, input: { email: string; name: string; passwordHash: string }) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK})`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    const role = existing && existing.n > 0 ? "employee" : "admin";
    const [user] = await tx
      .insert(users)
      .values({ ...input, role })
      .onConflictDoNothing({ target: users.email })
      .returning();
    return user ?? null;
  });
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** Whether any administrator exists: until one does, only the setup link creates an account. */
export async function hasAdmin(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  return rows.length > 0;
}

export async function setUserRole(db: Executor, id: string, role: "admin" | "employee") {
  await db.update(users).set({ role }).where(eq(users.id, id));
}

/** The earliest administrator: the account command-line imports act as. */
export async function findFirstAdmin(db: Executor): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.role, "admin")).orderBy(users.createdAt).limit(1);
  return user ?? null;
}

/** Every account, for choosing whose view of the documents to inspect (admin retrieval console). */
export async function listUserChoices(db: Executor): Promise<Pick<UserRow, "id" | "email" | "name" | "role" | "active">[]> {
  return db.select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active }).from(users).orderBy(users.email);
}
