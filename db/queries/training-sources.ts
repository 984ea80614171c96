import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { feedback, type TrainingSource } from "../schema";

/** Records (or changes) one user's rating of an answer. */
export async function rateAnswer(db: Executor, input: { messageId: string; userId: string; rating: "up" | "down"; comment?: string | null }) {
  await db
    .insert(feedback)
    .values({ ...input, comment: input.comment ?? null })
    .onConflictDoUpdate({ target: [feedback.messageId, feedback.userId], set: { rating: input.rating, comment: input.comment ?? null, updatedAt: sql`now()` } });
}

export interface AnsweredTurn {
  messageId: string;
  question: string;
  answer: string;
  /** The sources as they were put in front of the model, in their [n] order. */
  sources: TrainingSource[];
  ups: number;
  downs: number;
  comments: string[];
  createdAt: Date;
}

type TurnRow = {
  messageId: string;
  question: string;
  parts: { type: string; text?: string }[];
  results: { n: number; chunkId: string }[];
  ups: number;
  downs: number;
  comments: string[] | null;
  createdAt: Date;
};

/*
 * The question is the retrieval trace's query (what was retrieved for), the sources its chunk ids
 * in [n] order. Chunks of a version never change, so this is exactly the text the model saw.
 */
const TURN_SELECT = sql`
  SELECT m.id AS "messageId", t.query AS question, m.parts, t.results, m.created_at AS "createdAt",
         count(f.id) FILTER (WHERE f.rating = 'up')::int AS ups,
         count(f.id) FILTER (WHERE f.rating = 'down')::int AS downs,
         array_remove(array_agg(f.comment), NULL) AS comments
  FROM messages m
  JOIN retrieval_traces t ON t.message_id = m.id
  LEFT JOIN feedback f ON f.message_id = m.id`;

async function toTurns(db: Executor, rows: TurnRow[]): Promise<AnsweredTurn[]> {
  const chunkIds = [...new Set(rows.flatMap((r) => r.results.map((x) => x.chunkId)))];
  const chunks = new Map((await frozenChunks(db, chunkIds)).map((c) => [c.chunkId!, c]));
  return rows.map((r) => ({
    messageId: r.messageId,
    question: r.question,
    answer: r.parts.flatMap((p) => (p.type === "text" && p.text ? [p.text] : [])).join(""),
    sources: r.results.flatMap((x) => {
      const chunk = chunks.get(x.chunkId);
      return chunk ? [{ ...chunk, n: x.n }] : [];
    }),
    ups: Number(r.ups),
    downs: Number(r.downs),
    comments: r.comments ?? [],
    createdAt: new Date(r.createdAt),
  }));
}

export async function answeredTurn(db: Executor, messageId: string): Promise<AnsweredTurn | null> {
  const result = await db.execute<TurnRow>(sql`${TURN_SELECT} WHERE m.id = ${messageId} AND m.role = 'assistant' GROUP BY m.id, t.id`);
  const [turn] = await toTurns(db, result.rows);
  return turn ?? null;
}

/** Thumbs-up answers that have no thumbs-up example yet. */
export async function newThumbsUpTurns(db: Executor, limit = 500): Promise<AnsweredTurn[]> {
  const result = await db.execute<TurnRow>(sql`${TURN_SELECT}
    WHERE m.role = 'assistant'
      AND EXISTS (SELECT 1 FROM feedback u WHERE u.message_id = m.id AND u.rating = 'up')
      AND NOT EXISTS (SELECT 1 FROM training_examples e WHERE e.dedupe_key = 'thumbs-up:' || m.id)
    GROUP BY m.id, t.id ORDER BY m.created_at LIMIT ${limit}`);
  return toTurns(db, result.rows);
}

/** Answers to review: thumbs-down first, then the rest, newest first; corrected ones leave the queue. */
export async function reviewQueue(db: Executor, limit = 20): Promise<AnsweredTurn[]> {
  const result = await db.execute<TurnRow>(sql`${TURN_SELECT}
    WHERE m.role = 'assistant'
      AND NOT EXISTS (SELECT 1 FROM training_examples e WHERE e.dedupe_key = 'correction:' || m.id)
    GROUP BY m.id, t.id
    ORDER BY count(f.id) FILTER (WHERE f.rating = 'down') DESC, m.created_at DESC
    LIMIT ${limit}`);
  return toTurns(db, result.rows);
}

/** Chunks with their document title, in the order asked for (n is assigned by the caller). */
export async function frozenChunks(db: Executor, chunkIds: string[]): Promise<TrainingSource[]> {
  if (chunkIds.length === 0) return [];
  const result = await db.execute<Omit<TrainingSource, "n">>(sql`
    SELECT c.id AS "chunkId", c.version_id AS "versionId", d.title, c.heading_path AS "headingPath", c.page, c.text
    FROM chunks c JOIN document_versions v ON v.id = c.version_id JOIN documents d ON d.id = v.document_id
    WHERE c.id = ANY(${sql.param(chunkIds)}::uuid[])`);
  const byId = new Map(result.rows.map((r) => [r.chunkId!, r]));
  return chunkIds.flatMap((id, i) => {
    const row = byId.get(id);
    return row ? [{ ...row, n: i + 1 }] : [];
  });
}

/**
 * Chunk ids of live documents' current versions, in an order fixed by `seed` (so generation is
 * deterministic for a given index), optionally only those containing a phrase.
 */
export async function pickChunkIds(db: Executor, seed: string, limit: number, containing?: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    SELECT c.id FROM chunks c JOIN documents d ON d.current_version_id = c.version_id AND d.deleted_at IS NULL
    WHERE ${containing ? sql`c.text ILIKE ${"%" + containing.replace(/[\\%_]/g, "\\$&") + "%"}` : sql`true`}
    ORDER BY md5(c.id::text || ${seed}) LIMIT ${limit}`);
  return result.rows.map((r) => r.id);
}
