import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * What the admin's cited-sources page shows: which documents answers rely on, which they never
 * use, and where answers fail (thumbs down, nothing found). Admin-only reads across all users;
 * the page that calls these checks the role.
 */

const since = (days: number) => sql`now() - make_interval(days => ${days})`;

/** The question an assistant message `m` answered: the text parts of the user message just before it. */
const questionBefore = sql`(SELECT (SELECT string_agg(p->>'text', ' ') FROM jsonb_array_elements(q.parts) p WHERE p->>'type' = 'text')
  FROM messages q
  WHERE q.conversation_id = m.conversation_id AND q.role = 'user' AND q.created_at <= m.created_at
  ORDER BY q.created_at DESC LIMIT 1)`;

/**
 * An answer that found nothing: flagged so when it was stored (metadata.notFound); answers stored
 * before the flag existed count when they cite nothing.
 */
const unanswered = sql`(m.metadata->>'notFound' = 'true'
  OR (m.metadata->'notFound' IS NULL AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.message_id = m.id)))`;

export type DocumentCitations = {
  documentId: string;
  title: string;
  /** Answers in the window that cite the document (any version), each counted once. */
  answers: number;
  lastCitedAt: Date | null;
};

/** Every live document with how many answers cited it in the window, most cited first. */
export async function documentCitations(db: Executor, days: number): Promise<DocumentCitations[]> {
  const result = await db.execute<DocumentCitations>(sql`
    WITH per_answer AS (
      -- An answer citing two passages of one document counts once; hashing beats count(DISTINCT).
      SELECT c.document_id, c.message_id, m.created_at
      FROM citations c JOIN messages m ON m.id = c.message_id
      GROUP BY c.document_id, c.message_id, m.created_at),
    cited AS (
      -- One pass gives both the window's count and the last time ever cited.
      SELECT document_id, (count(*) FILTER (WHERE created_at >= ${since(days)}))::int AS answers, max(created_at) AS last
      FROM per_answer GROUP BY document_id)
    SELECT d.id AS "documentId", d.title, COALESCE(r.answers, 0) AS answers, r.last AS "lastCitedAt"
    FROM documents d LEFT JOIN cited r ON r.document_id = d.id
    WHERE d.deleted_at IS NULL
    ORDER BY answers DESC, d.title`);
  return result.rows.map((r) => ({ ...r, lastCitedAt: r.lastCitedAt ? new Date(r.lastCitedAt) : null }));
}

export type CitedSource = { n: number; documentId: string; versionId: string; chunkId: string; title: string; version: number; deleted: boolean };

export type ThumbsDown = {
  messageId: string;
  conversationId: string;
  userEmail: string;
  question: string | null;
  comment: string | null;
  at: Date;
  sources: CitedSource[];
};

/** Answers rated thumbs down in the window, newest first, with the question and the sources they cited. */
export async function thumbsDownAnswers(db: Executor, days: number, limit = 50): Promise<ThumbsDown[]> {
  const result = await db.execute<ThumbsDown>(sql`
    SELECT m.id AS "messageId", m.conversation_id AS "conversationId", u.email AS "userEmail",
           ${questionBefore} AS question, f.comment, f.updated_at AS at,
           COALESCE((SELECT json_agg(json_build_object('n', c.n, 'documentId', c.document_id, 'versionId', c.version_id,
                       'chunkId', c.chunk_id, 'title', d.title, 'version', v.number, 'deleted', d.deleted_at IS NOT NULL) ORDER BY c.n)
                     FROM citations c JOIN documents d ON d.id = c.document_id JOIN document_versions v ON v.id = c.version_id
                     WHERE c.message_id = m.id), '[]') AS sources
    FROM feedback f
    JOIN messages m ON m.id = f.message_id
    JOIN users u ON u.id = f.user_id
    WHERE f.rating = 'down' AND f.updated_at >= ${since(days)}
    ORDER BY f.updated_at DESC
    LIMIT ${limit}`);
  return result.rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

export type UnansweredQuestion = {
  question: string;
  /** How often it was asked (same words, ignoring case and surrounding space) in the window. */
  asked: number;
  lastAskedAt: Date;
  /** The latest time it was asked. */
  conversationId: string;
  messageId: string;
};

/** Questions the assistant could not answer from the documents, most often asked first. */
export async function unansweredQuestions(db: Executor, days: number, limit = 50): Promise<UnansweredQuestion[]> {
  const result = await db.execute<UnansweredQuestion>(sql`
    WITH failed AS (
      SELECT m.id, m.conversation_id, m.created_at, ${questionBefore} AS question
      FROM messages m
      WHERE m.role = 'assistant' AND m.created_at >= ${since(days)} AND ${unanswered})
    SELECT (array_agg(question ORDER BY created_at DESC))[1] AS question, count(*)::int AS asked,
           max(created_at) AS "lastAskedAt",
           (array_agg(conversation_id ORDER BY created_at DESC))[1] AS "conversationId",
           (array_agg(id ORDER BY created_at DESC))[1] AS "messageId"
    FROM failed WHERE question IS NOT NULL
    GROUP BY lower(trim(question))
    ORDER BY asked DESC, "lastAskedAt" DESC
    LIMIT ${limit}`);
  return result.rows.map((r) => ({ ...r, lastAskedAt: new Date(r.lastAskedAt) }));
}

export type DailyActivity = { day: string; answers: number; unanswered: number; thumbsDown: number };

/** Answers, unanswered questions and thumbs down per UTC day of the window (days without any are absent). */
export async function dailyActivity(db: Executor, days: number): Promise<DailyActivity[]> {
  const result = await db.execute<DailyActivity>(sql`
    WITH answers AS (
      SELECT to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS answers,
             (count(*) FILTER (WHERE ${unanswered}))::int AS unanswered
      FROM messages m WHERE m.role = 'assistant' AND m.created_at >= ${since(days)} GROUP BY 1),
    down AS (
      SELECT to_char(f.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM feedback f WHERE f.rating = 'down' AND f.updated_at >= ${since(days)} GROUP BY 1)
    SELECT COALESCE(a.day, d.day) AS day, COALESCE(a.answers, 0) AS answers, COALESCE(a.unanswered, 0) AS unanswered,
           COALESCE(d.n, 0) AS "thumbsDown"
    FROM answers a FULL JOIN down d ON d.day = a.day
    ORDER BY 1`);
  return result.rows;
}
