import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { canRead, type Asker } from "./access";

export type StarterTopic = {
  documentId: string;
  title: string;
  section: string;
};

/**
 * Sections of readable documents for the questions offered on the empty chat: the first
 * `sectionsEach` sections of each of the first `documents` documents in title order, each
 * document's in document order. Deterministic, and filtered by the reader groups in SQL so a topic
 * never reveals a document the user may not read. The caller picks which sections make questions.
 */
export async function starterTopics(db: Executor, asker: Asker, documents: number, sectionsEach: number): Promise<StarterTopic[]> {
  const result = await db.execute<StarterTopic>(sql`
    SELECT id AS "documentId", title, section FROM (
      SELECT d.id, d.title, s.section, row_number() OVER (PARTITION BY d.id ORDER BY s.first_ordinal) AS rank
      FROM documents d
      JOIN LATERAL (
        SELECT c.heading_path[cardinality(c.heading_path)] AS section, min(c.ordinal) AS first_ordinal
        FROM chunks c
        WHERE c.version_id = d.current_version_id AND cardinality(c.heading_path) > 0
        GROUP BY 1
      ) s ON s.section <> d.title
      WHERE d.deleted_at IS NULL AND ${canRead(asker)}
    ) ranked
    WHERE rank <= ${sectionsEach}
    ORDER BY title, id, rank
    LIMIT ${documents * sectionsEach}`);
  return result.rows;
}
