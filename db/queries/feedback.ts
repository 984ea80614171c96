import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { conversations, feedback, messages } from "../schema";

export type Rating = "up" | "down";

/**
 * Records (or changes) this user's rating of an answer. The answer must be an assistant message in
 * one of the user's own conversations, checked in the same statement; returns false otherwise.
 */
export async function setFeedback(db: Executor, userId: string, messageId: string, rating: Rating, comment: string | null): Promise<boolean> {
  const result = await db.execute(sql`
    INSERT INTO feedback (message_id, user_id, rating, comment)
    SELECT m.id, ${userId}, ${rating}, ${comment}
    FROM messages m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.id = ${messageId} AND m.role = 'assistant' AND c.user_id = ${userId}
    ON CONFLICT ON CONSTRAINT feedback_message_user
    DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = now()
    RETURNING id`);
  return result.rows.length > 0;
}

/** This user's ratings of the given answers, keyed by message id. */
export async function feedbackFor(db: Executor, userId: string, messageIds: string[]) {
  if (messageIds.length === 0) return new Map<string, { rating: Rating; comment: string | null }>();
  const rows = await db
    .select({ messageId: feedback.messageId, rating: feedback.rating, comment: feedback.comment })
    .from(feedback)
    .innerJoin(messages, eq(messages.id, feedback.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(feedback.userId, userId), eq(conversations.userId, userId), inArray(feedback.messageId, messageIds)));
  return new Map(rows.map((r) => [r.messageId, { rating: r.rating, comment: r.comment }]));
}
