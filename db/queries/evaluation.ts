import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { citedPage } from "./citations";

/** Chunk id -> its document's name, for scoring rankings against a dataset's judgements. */
export async function chunkDocumentNames(db: Executor): Promise<Map<string, string>> {
  const result = await db.execute<{ id: string; filename: string }>(sql`
    SELECT c.id, d.filename FROM chunks c JOIN documents d ON d.current_version_id = c.version_id WHERE d.deleted_at IS NULL`);
  return new Map(result.rows.map((r) => [r.id, r.filename]));
}

export type EvidencePlace = {
  n: number;
  documentId: string;
  page: number | null;
};

/**
 * What a stored answer rests on: the documents and pages it cites, the sources the model was given
 * (from its retrieval trace), each with its document and page, and what retrieval searched for
 * when the question was rewritten as a follow-up.
 */
export async function storedAnswerEvidence(db: Executor, messageId: string) {
  const [cited, sources, trace] = await Promise.all([
    citedPlaces(db, messageId),
    db.execute<EvidencePlace>(sql`
      SELECT (r->>'n')::int AS n, v.document_id AS "documentId", p.page
      FROM retrieval_traces t
      CROSS JOIN LATERAL jsonb_array_elements(t.results) r
      JOIN chunks ch ON ch.id = (r->>'chunkId')::uuid
      -- A passage given to the model holds every page it spans.
      CROSS JOIN LATERAL (SELECT generate_series(ch.page, coalesce(ch.page_end, ch.page)) AS page WHERE ch.page IS NOT NULL
                          UNION ALL SELECT NULL WHERE ch.page IS NULL) p
      JOIN document_versions v ON v.id = ch.version_id
      WHERE t.message_id = ${messageId}
      ORDER BY n`),
    db.execute<{ rewrittenQuery: string | null; corrections: { from: string; to: string }[] | null }>(
      sql`SELECT rewritten_query AS "rewrittenQuery", corrections FROM retrieval_traces WHERE message_id = ${messageId}`),
  ]);
  const stored = trace.rows[0];
  return { cited, sources: sources.rows, rewrittenQuery: stored?.rewrittenQuery ?? null, corrections: stored?.corrections ?? [] };
}

/** The page of a citation is decided here, and only here: today the page its chunk starts on. */
async function citedPlaces(db: Executor, messageId: string): Promise<EvidencePlace[]> {
  const result = await db.execute<EvidencePlace>(sql`
    SELECT c.n, c.document_id AS "documentId", ${citedPage} AS page
    FROM citations c JOIN chunks ch ON ch.id = c.chunk_id
    WHERE c.message_id = ${messageId}
    ORDER BY c.n`);
  return result.rows;
}
