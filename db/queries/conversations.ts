import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
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

/** Creates the conversation on its first message; returns null if the id belongs to someone else. */
export async function ensureConversation(db: Executor, userId: string, id: string, title: string) {
  await db.insert(conversations).values({ id, userId, title }).onConflictDoNothing({ target: conversations.id });
  return findConversation(db, userId, id);
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
  citations: { n: number; chunkId: string; versionId: string; documentId: string }[];
  trace: { query: string; keywordRanking: "bm25" | "fts"; results: unknown[] };
}

/** One question and its answer, with citations and the retrieval trace, stored together. */
export async function saveTurn(db: Executor, turn: StoredTurn) {
  await db.transaction(async (tx) => {
    await tx
      .insert(messages)
      .values({ id: turn.userMessage.id, conversationId: turn.conversationId, role: "user", parts: turn.userMessage.parts })
      .onConflictDoNothing({ target: messages.id });
    await tx.insert(messages).values({
      id: turn.assistantMessage.id,
      conversationId: turn.conversationId,
      role: "assistant",
      parts: turn.assistantMessage.parts,
      model: turn.assistantMessage.model,
      metadata: turn.assistantMessage.metadata,
      // After the question, even when both are written in the same instant.
      createdAt: sql`now() + interval '1 millisecond'`,
    });
    if (turn.citations.length > 0) {
      await tx.insert(citations).values(turn.citations.map((c) => ({ ...c, messageId: turn.assistantMessage.id })));
    }
    await tx.insert(retrievalTraces).values({ messageId: turn.assistantMessage.id, ...turn.trace });
    await tx.update(conversations).set({ updatedAt: sql`now()` }).where(eq(conversations.id, turn.conversationId));
  });
}
