import { asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { canRead, type Asker } from "./access";
import { documentGroups, documents, documentVersions, groups } from "../schema";

/** Admin-only reads and writes on documents; callers check the admin role first. */

export async function findDocument(db: Executor, id: string) {
  const [doc] = await db.select().from(documents).where(eq(documents.id, id));
  if (!doc || doc.deletedAt) return null;
  const readers = await db.select({ groupId: documentGroups.groupId }).from(documentGroups).where(eq(documentGroups.documentId, id));
  return { ...doc, groupIds: readers.map((r) => r.groupId) };
}

export async function listVersions(db: Executor, documentId: string) {
  return db
    .select({
      id: documentVersions.id,
      number: documentVersions.number,
      status: documentVersions.status,
      error: documentVersions.error,
      filename: documentVersions.filename,
      mime: documentVersions.mime,
      sizeBytes: documentVersions.sizeBytes,
      sha256: documentVersions.sha256,
      pageCount: documentVersions.pageCount,
      pagesWithoutText: documentVersions.pagesWithoutText,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.number));
}

/** The bytes of the newest version: what a re-index ingests again. */
export async function latestOriginal(db: Executor, documentId: string) {
  const [row] = await db
    .select({ filename: documents.filename, mime: documentVersions.mime, sha256: documentVersions.sha256, original: documentVersions.original })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.number))
    .limit(1);
  return row ?? null;
}

/**
 * Deletion takes the document out of retrieval at once (every retrieval query requires
 * deleted_at IS NULL) while its versions and chunks stay, so past answers that cited it can
 * still say what they cited and that it was deleted.
 */
export async function softDeleteDocument(db: Executor, id: string) {
  const rows = await db
    .update(documents)
    .set({ deletedAt: sql`now()` })
    .where(sql`${documents.id} = ${id} AND ${documents.deletedAt} IS NULL`)
    .returning({ id: documents.id });
  return rows.length > 0;
}

/**
 * Renames a live document the asker may read. Returns the title it had (the self-join reads the row
 * as it was before this statement), or null when there is no such document for this asker.
 */
export async function setDocumentTitle(db: Executor, asker: Asker, id: string, title: string): Promise<string | null> {
  const result = await db.execute<{ previous: string }>(sql`
    UPDATE documents d SET title = ${title}, title_edited = true
    FROM documents old
    WHERE d.id = ${id} AND old.id = d.id AND d.deleted_at IS NULL AND ${canRead(asker)}
    RETURNING old.title AS previous`);
  return result.rows[0]?.previous ?? null;
}

export async function listGroups(db: Executor) {
  return db.select({ id: groups.id, name: groups.name }).from(groups).orderBy(asc(groups.name));
}
