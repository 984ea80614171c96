import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { canRead, type Asker } from "./access";

export type CitationDetailsRow = {
  documentId: string;
  versionId: string;
  chunkId: string;
  title: string;
  headingPath: string[];
  page: number | null;
  text: string;
  versionNumber: number;
  currentVersionNumber: number | null;
  deleted: boolean;
};

/**
 * Citation [n] of one assistant message, only for the owner of its conversation and only while
 * they may read the cited document: both checks are in the query, so nothing else leaves the
 * database. Admins get no exception here: reading someone else's conversation is an audited admin
 * page, not this endpoint.
 */
export async function findCitationDetails(db: Executor, asker: Asker, messageId: string, n: number) {
  const result = await db.execute<CitationDetailsRow>(sql`
    SELECT c.document_id AS "documentId", c.version_id AS "versionId", c.chunk_id AS "chunkId", d.title,
           ch.heading_path AS "headingPath", ch.page, ch.text, v.number AS "versionNumber",
           cv.number AS "currentVersionNumber", d.deleted_at IS NOT NULL AS deleted
    FROM citations c
    JOIN messages m ON m.id = c.message_id
    JOIN conversations conv ON conv.id = m.conversation_id AND conv.user_id = ${asker.userId}
    JOIN documents d ON d.id = c.document_id
    JOIN document_versions v ON v.id = c.version_id
    JOIN chunks ch ON ch.id = c.chunk_id
    LEFT JOIN document_versions cv ON cv.id = d.current_version_id
    WHERE c.message_id = ${messageId} AND c.n = ${n} AND ${canRead(asker)}`);
  return result.rows[0] ?? null;
}
