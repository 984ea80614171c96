import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { documentGroups, documents, groups } from "../schema";

/** Finds or creates groups by name; returns their ids in the same order. */
export async function ensureGroups(db: Executor, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  await db.insert(groups).values(names.map((name) => ({ name }))).onConflictDoNothing({ target: groups.name });
  const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.name, names));
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return names.map((n) => byName.get(n)!);
}

/** Sets who may read a document: everyone, or exactly these groups. One transaction. */
export async function setDocumentReaders(db: Executor, documentId: string, groupIds: string[] | "everyone") {
  await db.transaction(async (tx) => {
    await tx.delete(documentGroups).where(eq(documentGroups.documentId, documentId));
    if (groupIds !== "everyone" && groupIds.length > 0) {
      await tx.insert(documentGroups).values(groupIds.map((groupId) => ({ documentId, groupId })));
    }
    await tx.update(documents).set({ readableByEveryone: groupIds === "everyone" }).where(eq(documents.id, documentId));
  });
}

export async function addUserToGroups(db: Executor, userId: string, groupIds: string[]) {
  if (groupIds.length === 0) return;
  await db.execute(sql`INSERT INTO user_groups (user_id, group_id)
    SELECT ${userId}, g FROM unnest(${sql.param(groupIds)}::uuid[]) g ON CONFLICT DO NOTHING`);
}
