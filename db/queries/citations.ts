import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { canRead, type Asker } from "./access";

export type CitationDetailsRow = {
  documentId: string;
  versionId: string;
  chunkId: string;
  title: string;
  headingPath: string[];
  /** citedPage: the page of the cited sentence, else of the passage's start. */
  page: number | null;
  /** The cited sentences as offsets into `text`, when they were located. */
  spans: [number, number][] | null;
  text: string;
  versionNumber: number;
  currentVersionNumber: number | null;
  deleted: boolean;
};

/**
 * The one definition of the page a stored citation points at: the page of its (first) cited
 * sentence, else, when no sentence was located or it was stored before these were kept, the page
 * its chunk starts on. Needs `citations c` joined with `chunks ch`.
 */
/** The page a citation points at: its sentence's, else its passage's first (citations from before sentences were located). */
export const citedPage = sql`coalesce(c.page, ch.page)`;

/** The page stored citation [n] of an assistant message points at (null: no pages, or no such citation). */
export async function findCitationPage(db: Executor, messageId: string, n: number): Promise<number | null> {
  const result = await db.execute<{ page: number | null }>(sql`
    SELECT ${citedPage} AS page FROM citations c JOIN chunks ch ON ch.id = c.chunk_id
    WHERE c.message_id = ${messageId} AND c.n = ${n}`);
  return result.rows[0]?.page ?? null;
}

/**
 * Citation [n] of one assistant message, only for the owner of its conversation and only while
 * they may read the cited document: both checks are in the query, so nothing else leaves the
 * database. Admins get no exception here: reading someone else's conversation is an audited admin
 * page, not this endpoint.
 */
export async function findCitationDetails(db: Executor, asker: Asker, messageId: string, n: number) {
  const result = await db.execute<CitationDetailsRow>(sql`
    SELECT c.document_id AS "documentId", c.version_id AS "versionId", c.chunk_id AS "chunkId", d.title,
           ch.heading_path AS "headingPath", ${citedPage} AS page, c.spans, ch.text, v.number AS "versionNumber",
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
