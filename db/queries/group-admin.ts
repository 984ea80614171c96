import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { documentGroups, documents, groups, userGroups, users } from "../schema";

/** Admin reads and writes on groups and memberships; callers check the admin role first. */

export async function listGroupsWithCounts(db: Executor) {
  return db
    .select({
      id: groups.id,
      name: groups.name,
      // The outer column spelled out: drizzle renders a column in select fields unqualified.
      members: sql<number>`(SELECT count(*)::int FROM ${userGroups} ug WHERE ug.group_id = "groups"."id")`,
      documents: sql<number>`(SELECT count(*)::int FROM ${documentGroups} dg JOIN ${documents} d ON d.id = dg.document_id
        WHERE dg.group_id = "groups"."id" AND d.deleted_at IS NULL)`,
    })
    .from(groups)
    .orderBy(asc(groups.name));
}

export async function findGroup(db: Executor, id: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, id));
  return group ?? null;
}

export async function findGroupsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, ids));
}

/** Null when the name is taken. */
export async function insertGroup(db: Executor, name: string) {
  const [group] = await db.insert(groups).values({ name }).onConflictDoNothing({ target: groups.name }).returning();
  return group ?? null;
}

/** False when the name is taken by another group. */
export async function renameGroup(db: Executor, id: string, name: string): Promise<boolean> {
  const [clash] = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.name, name), sql`${groups.id} <> ${id}`));
  if (clash) return false;
  await db.update(groups).set({ name }).where(eq(groups.id, id));
  return true;
}

/**
 * Memberships and reader rows go with the group (cascade); documents keep readable_by_everyone
 * false, so a document readable only by this group becomes readable by admins only, never public.
 */
export async function deleteGroup(db: Executor, id: string) {
  const rows = await db.delete(groups).where(eq(groups.id, id)).returning({ id: groups.id });
  return rows.length > 0;
}

export async function groupMembers(db: Executor, groupId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active })
    .from(userGroups)
    .innerJoin(users, eq(users.id, userGroups.userId))
    .where(eq(userGroups.groupId, groupId))
    .orderBy(asc(users.email));
}

export async function groupDocuments(db: Executor, groupId: string) {
  return db
    .select({ id: documents.id, title: documents.title, filename: documents.filename })
    .from(documentGroups)
    .innerJoin(documents, eq(documents.id, documentGroups.documentId))
    .where(and(eq(documentGroups.groupId, groupId), sql`${documents.deletedAt} IS NULL`))
    .orderBy(asc(documents.title));
}

/** True when the membership was added (false: it already existed). */
export async function addMember(db: Executor, groupId: string, userId: string): Promise<boolean> {
  const rows = await db.insert(userGroups).values({ groupId, userId }).onConflictDoNothing().returning({ userId: userGroups.userId });
  return rows.length > 0;
}

/** True when a membership was removed. */
export async function removeMember(db: Executor, groupId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(userGroups)
    .where(and(eq(userGroups.groupId, groupId), eq(userGroups.userId, userId)))
    .returning({ userId: userGroups.userId });
  return rows.length > 0;
}

/** Makes a user's memberships exactly `groupIds`; returns what was added and removed. */
export async function setUserGroups(db: Executor, userId: string, groupIds: string[]) {
  const current = (await db.select({ id: userGroups.groupId }).from(userGroups).where(eq(userGroups.userId, userId))).map((r) => r.id);
  const added = groupIds.filter((g) => !current.includes(g));
  const removed = current.filter((g) => !groupIds.includes(g));
  if (removed.length > 0) await db.delete(userGroups).where(and(eq(userGroups.userId, userId), inArray(userGroups.groupId, removed)));
  if (added.length > 0) await db.insert(userGroups).values(added.map((groupId) => ({ userId, groupId }))).onConflictDoNothing();
  return { added, removed };
}
