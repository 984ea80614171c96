import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import type { ServedBy } from "../read-replicas";
import { citations, conversations, messages, retrievalTraces } from "../schema";

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

/** Whether a message id is already taken by another conversation (ids are chosen by the client). */
export async function messageIdTakenElsewhere(db: Executor, messageId: string, conversationId: string): Promise<boolean> {
  const [row] = await db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.id, messageId));
  return row !== undefined && row.conversationId !== conversationId;
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

/**
 * The history a new answer builds on. A message id already stored as the conversation's last
 * question means that turn is being replaced (regenerate, or edit and resend): the history is
 * what came before it. Only the last question can be replaced; older ones are part of the record.
 * Returns null when the id names any other message of this conversation; ids of other
 * conversations are refused before this (messageIdTakenElsewhere).
 */
export async function historyBefore(db: Executor, conversationId: string, userMessageId: string) {
  const all = await listMessages(db, conversationId);
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
  await db.transaction(async (tx) => {
    const [question] = await tx
      .insert(messages)
      .values({ id: turn.userMessage.id, conversationId: turn.conversationId, role: "user", parts: turn.userMessage.parts })
      .onConflictDoUpdate({
        target: messages.id,
        set: { parts: turn.userMessage.parts },
        // A message id from another conversation is never overwritten.
        setWhere: and(eq(messages.conversationId, turn.conversationId), eq(messages.role, "user")),
      })
      .returning({ id: messages.id });
    if (!question) throw new Error(`message ${turn.userMessage.id} belongs to another conversation`);
    // In SQL: a JavaScript Date would drop the microseconds and make the question look later than itself.
    const askedAt = sql`(SELECT created_at FROM messages WHERE id = ${turn.userMessage.id})`;
    await tx.delete(messages).where(and(eq(messages.conversationId, turn.conversationId), gt(messages.createdAt, askedAt)));
    await tx.insert(messages).values({
      id: turn.assistantMessage.id,
      conversationId: turn.conversationId,
      role: "assistant",
      parts: turn.assistantMessage.parts,
      model: turn.assistantMessage.model,
      metadata: turn.assistantMessage.metadata,
      // After the question, even when both are written in the same instant.
      createdAt: sql`greatest(now(), ${askedAt}) + interval '1 millisecond'`,
    });
    if (turn.citations.length > 0) {
      await tx.insert(citations).values(turn.citations.map((c) => ({ ...c, messageId: turn.assistantMessage.id })));
    }
    await tx.insert(retrievalTraces).values({ messageId: turn.assistantMessage.id, ...turn.trace });
    await tx.update(conversations).set({ updatedAt: sql`now()` }).where(eq(conversations.id, turn.conversationId));
  });
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
