import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { chunkEmbeddings, chunks, documentGroups, documents, documentVersions } from "../schema";

export interface BulkDocument {
  id: string;
  versionId: string;
  title: string;
  filename: string;
  /** Reader group; null: readable by everyone. */
  groupId: string | null;
  chunks: { id: string; text: string; searchText: string; embedding: number[] }[];
}

/**
 * Writes ready, current documents straight into the tables, as the ingest worker would leave them,
 * with multi-row INSERTs: the retrieval benchmark and its small-scale test need a corpus of
 * 100k chunks in minutes, not the hours a file-by-file ingest takes.
 */
export async function insertBulkDocuments(db: Executor, model: string, docs: BulkDocument[]) {
  if (docs.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.insert(documents).values(docs.map((d) => ({ id: d.id, title: d.title, filename: d.filename, readableByEveryone: d.groupId === null })));
    await tx.insert(documentVersions).values(docs.map((d) => ({
      id: d.versionId, documentId: d.id, number: 1, sha256: d.id, filename: d.filename, mime: "text/plain", sizeBytes: 0, original: Buffer.alloc(0), status: "ready" as const,
    })));
    const grouped = docs.filter((d) => d.groupId !== null);
    if (grouped.length > 0) await tx.insert(documentGroups).values(grouped.map((d) => ({ documentId: d.id, groupId: d.groupId! })));
    const rows = docs.flatMap((d) => d.chunks.map((c, ordinal) => ({ ...c, versionId: d.versionId, ordinal })));
    for (let i = 0; i < rows.length; i += 200) {
      const batch = rows.slice(i, i + 200);
      await tx.insert(chunks).values(batch.map((c) => ({
        id: c.id, versionId: c.versionId, ordinal: c.ordinal, text: c.text, searchText: c.searchText, spanStart: 0, spanEnd: c.text.length, tokenCount: c.text.split(/\s+/).length,
      })));
      await tx.insert(chunkEmbeddings).values(batch.map((c) => ({ chunkId: c.id, model, embedding: c.embedding })));
    }
    await tx.execute(sql`UPDATE documents d SET current_version_id = v.id FROM document_versions v
      WHERE v.document_id = d.id AND d.id = ANY(${sql.param(docs.map((d) => d.id))}::uuid[])`);
  });
}

/** Takes the documents readable by these groups out of retrieval (tests share one database). */
export async function softDeleteDocumentsOfGroups(db: Executor, groupIds: string[]) {
  await db.execute(sql`
    UPDATE documents SET deleted_at = now()
    WHERE deleted_at IS NULL AND id IN (SELECT document_id FROM document_groups WHERE group_id = ANY(${sql.param(groupIds)}::uuid[]))`);
}

/** Chunks of current, live documents: what a corpus holds for retrieval. */
export async function countLiveChunks(db: Executor): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM chunks c JOIN documents d ON d.current_version_id = c.version_id WHERE d.deleted_at IS NULL`);
  return result.rows[0]?.n ?? 0;
}

/** What autovacuum does shortly after a bulk load: statistics for the planner, visibility maps set. */
export async function vacuumAnalyze(db: Executor) {
  await db.execute(sql`VACUUM ANALYZE`);
}
