import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * Any conversation with its owner, for an administrator reviewing answers (read-only, audited by
 * the page). Not scoped by user: callers must have checked the admin role.
 */
export async function findConversationForReview(db: Executor, id: string) {
  const result = await db.execute<{ id: string; title: string; createdAt: Date; ownerEmail: string; ownerName: string }>(sql`
    SELECT c.id, c.title, c.created_at AS "createdAt", u.email AS "ownerEmail", u.name AS "ownerName"
    FROM conversations c JOIN users u ON u.id = c.user_id
    WHERE c.id = ${id}`);
  const row = result.rows[0];
  return row ? { ...row, createdAt: new Date(row.createdAt) } : null;
}

/** The ratings given to the answers of one conversation. */
export async function conversationFeedback(db: Executor, conversationId: string) {
  const result = await db.execute<{ messageId: string; rating: "up" | "down"; comment: string | null; userEmail: string }>(sql`
    SELECT f.message_id AS "messageId", f.rating, f.comment, u.email AS "userEmail"
    FROM feedback f JOIN messages m ON m.id = f.message_id JOIN users u ON u.id = f.user_id
    WHERE m.conversation_id = ${conversationId}
    ORDER BY f.updated_at`);
  return result.rows;
}
