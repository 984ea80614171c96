import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import type { ServedBy } from "../read-replicas";
import { conversations, messages } from "../schema";

/** Conversations belong to one user: every query here is scoped by that user's id. */
export async function listConversations(db: Executor, userId: string) {
  return db
    .select({ id: conversations.id, title: conversations.title, updatedAt: conversations.updatedAt })
    .from(conversations)
    .where(eq(conversations.userId, userId))
    .orderBy(desc(conversations.updatedAt))
    .limit(100);
}

export async function findConversation(db: Executor, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)));
  return row ?? null;
}

/**
 * Creates the conversation on its first message, in one statement (it is on the way to every
 * answer's first token). False if the id belongs to someone else.
 */
export async function ensureConversation(db: Executor, userId: string, id: string, title: string): Promise<boolean> {
  const { rows } = await db.execute(sql`
    WITH created AS (
      INSERT INTO conversations (id, user_id, title) VALUES (${id}, ${userId}, ${title}) ON CONFLICT (id) DO NOTHING RETURNING id)
    SELECT id FROM created UNION ALL SELECT id FROM conversations WHERE id = ${id} AND user_id = ${userId}`);
  // A row committed by another request while this one waited on the conflict is not in this
  // statement's snapshot: look again before calling the id someone else's.
  return rows.length > 0 || (await findConversation(db, userId, id)) !== null;
}

export async function listMessages(db: Executor, conversationId: string) {
  return db
    .select({ id: messages.id, role: messages.role, parts: messages.parts, model: messages.model, metadata: messages.metadata })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export interface StoredTurn {
  conversationId: string;
  userMessage: { id: string; parts: unknown[] };
  assistantMessage: { id: string; parts: unknown[]; model: string; metadata: Record<string, unknown> };
  /** page and spans: where in the chunk the cited sentences are (null when not located). */
  citations: { n: number; chunkId: string; versionId: string; documentId: string; page?: number | null; spans?: [number, number][] | null }[];
  trace: {
    query: string;
    rewrittenQuery?: string | null;
    rerank?: { model: string; error?: string } | null;
    keywordRanking: "bm25" | "fts";
    corrections?: { from: string; to: string }[] | null;
    results: unknown[];
    servedBy?: ServedBy | null;
  };
}

export type StoredMessage = Awaited<ReturnType<typeof listMessages>>[number];

export interface OpenedTurn {
  /** The question's id names a message of another conversation (ids are chosen by the client). */
  takenElsewhere: boolean;
  /** The conversation is this user's: it was, or it was created now, on its first question. */
  owned: boolean;
  /** The conversation's messages, oldest first; none unless it is this user's. */
  messages: StoredMessage[];
}

/**
 * What an answer needs before it starts, in one statement (it is on the way to every answer's
 * first token): creates the conversation on its first question, unless the question's id is
 * taken elsewhere, and reads its messages if it is this user's. Not owned when the id belongs to
 * someone else, or when another request created it in the meantime (then findConversation decides).
 */
export async function openTurn(db: Executor, input: { userId: string; conversationId: string; messageId: string; title: string }): Promise<OpenedTurn> {
  const { userId, conversationId, messageId, title } = input;
  const { rows } = await db.execute<{ takenElsewhere: boolean; owned: boolean; messages: StoredMessage[] }>(sql`
    WITH taken AS (
      SELECT EXISTS (SELECT 1 FROM messages WHERE id = ${messageId} AND conversation_id <> ${conversationId}) AS elsewhere),
    created AS (
      INSERT INTO conversations (id, user_id, title) SELECT ${conversationId}::uuid, ${userId}::uuid, ${title} FROM taken WHERE NOT taken.elsewhere
      ON CONFLICT (id) DO NOTHING RETURNING id),
    owned AS (
      SELECT EXISTS (SELECT 1 FROM created UNION ALL SELECT 1 FROM conversations WHERE id = ${conversationId} AND user_id = ${userId}) AS mine)
    SELECT taken.elsewhere AS "takenElsewhere", owned.mine AS owned, (
      SELECT coalesce(json_agg(json_build_object('id', m.id, 'role', m.role, 'parts', m.parts, 'model', m.model, 'metadata', m.metadata) ORDER BY m.created_at, m.id), '[]')
      FROM messages m WHERE m.conversation_id = ${conversationId} AND owned.mine) AS messages
    FROM taken, owned`);
  return rows[0]!;
}

/**
 * The history a new answer builds on. A message id already stored as the conversation's last
 * question means that turn is being replaced (regenerate, or edit and resend): the history is
 * what came before it. Only the last question can be replaced; older ones are part of the record.
 * Returns null when the id names any other message of this conversation.
 */
export function historyBefore(all: StoredMessage[], userMessageId: string) {
  const index = all.findIndex((m) => m.id === userMessageId);
  if (index === -1) return { history: all, replaces: false };
  const lastQuestion = all.findLast((m) => m.role === "user");
  if (all[index]!.role !== "user" || lastQuestion?.id !== userMessageId) return null;
  return { history: all.slice(0, index), replaces: true };
}

/**
 * One question and its answer, with citations and the retrieval trace, stored together. When the
 * question's id is already stored (regenerate, edit), its text is replaced and the answers after it
 * are deleted in the same transaction, so the conversation never shows two answers to one question
 * nor loses the old one before the new one is stored.
 */
export async function saveTurn(db: Executor, turn: StoredTurn) {
  const { userMessage: question, conversationId } = turn;
  // A new question (nearly every turn): one statement, so one round trip, atomic on its own. It
  // comes after every message before it, even one stored in the same instant by a clock that ticks
  // by milliseconds (PGlite's): the answers after a question are what replacing it deletes.
  const inserted = sql`INSERT INTO messages (id, conversation_id, role, parts, created_at)
    SELECT ${question.id}, ${conversationId}, 'user', ${jsonb(question.parts)},
      greatest(now(), (SELECT max(created_at) + interval '1 millisecond' FROM messages WHERE conversation_id = ${conversationId}))
    ON CONFLICT (id) DO NOTHING RETURNING id, created_at`;
  if (await storeAnswer(db, turn, inserted)) return;
  // The id is stored: the question is replaced. Its row is locked first, so that the answers after
  // it are read in a statement of their own, which sees a turn stored meanwhile by another request.
  await db.transaction(async (tx) => {
    const [replaced] = await tx
      .insert(messages)
      .values({ id: question.id, conversationId, role: "user", parts: question.parts })
      .onConflictDoUpdate({
        target: messages.id,
        set: { parts: question.parts },
        // A message id from another conversation is never overwritten.
        setWhere: and(eq(messages.conversationId, conversationId), eq(messages.role, "user")),
      })
      .returning({ id: messages.id });
    if (!replaced || !(await storeAnswer(tx, turn, sql`SELECT id, created_at FROM messages WHERE id = ${question.id}`))) {
      throw new Error(`message ${question.id} belongs to another conversation`);
    }
  });
}

/**
 * The answer to the question `questionRow` yields (its id and created_at), in one statement: the
 * answers stored after the question deleted, the answer, its citations and trace, the
 * conversation's time. Nothing when it yields no row. Its parts see one snapshot: the new answer
 * is not among the answers deleted.
 */
async function storeAnswer(db: Executor, turn: StoredTurn, questionRow: SQL): Promise<boolean> {
  const { assistantMessage: answer, trace, conversationId } = turn;
  // The answer is created after the question even when both are written in the same instant (in
  // SQL: a JavaScript Date would drop the microseconds and make the question look later than itself).
  const { rows } = await db.execute<{ stored: boolean }>(sql`
    WITH question AS (${questionRow}),
    replaced AS (
      DELETE FROM messages m USING question q WHERE m.conversation_id = ${conversationId} AND m.created_at > q.created_at),
    answer AS (
      INSERT INTO messages (id, conversation_id, role, parts, model, metadata, created_at)
      SELECT ${answer.id}, ${conversationId}::uuid, 'assistant', ${jsonb(answer.parts)}, ${answer.model}, ${jsonb(answer.metadata)},
        greatest(now(), q.created_at) + interval '1 millisecond'
      FROM question q
      RETURNING id),
    cited AS (
      INSERT INTO citations (message_id, n, chunk_id, version_id, document_id, page, spans)
      SELECT a.id, c.n, c."chunkId", c."versionId", c."documentId", c.page, c.spans
      FROM answer a, jsonb_to_recordset(${jsonb(turn.citations)})
        AS c(n integer, "chunkId" uuid, "versionId" uuid, "documentId" uuid, page integer, spans jsonb)),
    traced AS (
      INSERT INTO retrieval_traces (message_id, query, rewritten_query, rerank, keyword_ranking, corrections, results, served_by)
      SELECT a.id, ${trace.query}, ${trace.rewrittenQuery ?? null}, ${jsonb(trace.rerank)}, ${trace.keywordRanking}, ${jsonb(trace.corrections)},
        ${jsonb(trace.results)}, ${jsonb(trace.servedBy)}
      FROM answer a),
    touched AS (
      UPDATE conversations c SET updated_at = now() FROM answer WHERE c.id = ${conversationId})
    SELECT EXISTS (SELECT 1 FROM answer) AS stored`);
  return rows[0]?.stored === true;
}

/** A value for a jsonb column; SQL NULL for null (JSON's null would be a value). */
function jsonb(value: unknown) {
  return value === null || value === undefined ? sql`NULL::jsonb` : sql`${JSON.stringify(value)}::jsonb`;
}

/** Returns false when the conversation is not this user's. */
export async function renameConversation(db: Executor, userId: string, id: string, title: string): Promise<boolean> {
  const rows = await db
    .update(conversations)
    .set({ title })
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/** Deletes the conversation with its messages, citations, traces and feedback (cascade). */
export async function deleteConversation(db: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/** This user's conversations whose title or any question or answer text contains the query. */
export async function searchConversations(db: Executor, userId: string, query: string) {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await db.execute<{ id: string; title: string; updatedAt: Date }>(sql`
    SELECT c.id, c.title, c.updated_at AS "updatedAt" FROM conversations c
    WHERE c.user_id = ${userId} AND (c.title ILIKE ${pattern} OR EXISTS (
      SELECT 1 FROM messages m, jsonb_array_elements(m.parts) p
      WHERE m.conversation_id = c.id AND p->>'type' = 'text' AND p->>'text' ILIKE ${pattern}))
    ORDER BY c.updated_at DESC LIMIT 100`);
  return result.rows;
}

/** How many of these conversations hold a stored reply (benchmarks check that nothing was lost). */
export async function countConversationsWithReply(db: Executor, conversationIds: string[]): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${messages.conversationId})::int` })
    .from(messages)
    .where(and(inArray(messages.conversationId, conversationIds), eq(messages.role, "assistant")));
  return row?.n ?? 0;
}
