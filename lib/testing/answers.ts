import { randomUUID } from "node:crypto";
import { listMessages } from "@/db/queries/conversations";
import { rateAnswer } from "@/db/queries/training-sources";
import type { CurrentUser } from "../auth/user";
import { answer } from "../chat/answer";
import { db } from "../db";

/** Asks through the real chat pipeline (built-in model) and returns the stored answer's id once saved. */
export async function askAndStore(user: CurrentUser, question: string): Promise<string> {
  const conversationId = randomUUID();
  const stream = await answer({ user, conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: question }] } });
  const reader = stream.getReader();
  while (!(await reader.read()).done) {
    // drain: the turn is stored when the stream ends
  }
  for (let i = 0; i < 100; i++) {
    const assistant = (await listMessages(db(), conversationId)).find((m) => m.role === "assistant");
    if (assistant) return assistant.id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the answer was not stored");
}

export async function rate(messageId: string, user: CurrentUser, rating: "up" | "down", comment?: string) {
  await rateAnswer(db(), { messageId, userId: user.id, rating, comment });
}
