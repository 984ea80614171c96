import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/** Chunk id -> its document's name, for scoring rankings against a dataset's judgements. */
export async function chunkDocumentNames(db: Executor): Promise<Map<string, string>> {
  const result = await db.execute<{ id: string; filename: string }>(sql`
    SELECT c.id, d.filename FROM chunks c JOIN documents d ON d.current_version_id = c.version_id WHERE d.deleted_at IS NULL`);
  return new Map(result.rows.map((r) => [r.id, r.filename]));
}
