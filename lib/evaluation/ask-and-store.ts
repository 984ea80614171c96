import { randomUUID } from "node:crypto";
import { listMessages } from "@/db/queries/conversations";
import type { CurrentUser } from "../auth/user";
import { answer } from "../chat/answer";
import type { ChatMessage } from "../chat/types";
import { db } from "../db";

/**
 * Asks through the real answer pipeline, reads the whole stream, and waits until the turn is
 * stored (the store runs when the stream ends). Returns the stored assistant message.
 */
export async function askAndStore(user: CurrentUser, question: string, conversationId: string = randomUUID()) {
  const message: ChatMessage = { id: randomUUID(), role: "user", parts: [{ type: "text", text: question }] };
  const reader = (await answer({ user, conversationId, message, unpaced: true })).getReader();
  while (!(await reader.read()).done) {
    // drain
  }
  for (let i = 0; i < 100; i++) {
    const rows = await listMessages(db(), conversationId);
    const index = rows.findIndex((r) => r.id === message.id);
    const reply = index >= 0 ? rows[index + 1] : undefined;
    if (reply) return { conversationId, questionId: message.id, messageId: reply.id, metadata: reply.metadata ?? {} };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the answer to "${question}" was not stored`);
}
