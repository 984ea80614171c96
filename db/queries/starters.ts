import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { canRead, type Asker } from "./access";

export type StarterTopic = {
  title: string;
  section: string;
};

/**
 * One section per readable document, for the questions offered on the empty chat: the first
 * section below the document's title, documents in title order. Deterministic, and filtered by
 * the reader groups in SQL so a topic never reveals a document the user may not read.
 */
export async function starterTopics(db: Executor, asker: Asker, limit: number): Promise<StarterTopic[]> {
  const result = await db.execute<StarterTopic>(sql`
    SELECT title, section FROM (
      SELECT DISTINCT ON (d.id) d.title, c.heading_path[cardinality(c.heading_path)] AS section
      FROM documents d
      JOIN chunks c ON c.version_id = d.current_version_id
      WHERE d.deleted_at IS NULL AND ${canRead(asker)}
        AND cardinality(c.heading_path) > 0 AND c.heading_path[cardinality(c.heading_path)] <> d.title
      ORDER BY d.id, c.ordinal
    ) firsts
    ORDER BY title, section
    LIMIT ${limit}`);
  return result.rows;
}
