import { randomUUID } from "node:crypto";
import { listMessages } from "@/db/queries/conversations";
import { rateAnswer } from "@/db/queries/training-sources";
import type { CurrentUser } from "../lib/auth/user";
import { answer } from "../lib/chat/answer";
import { db } from "../lib/db";

export type StreamChunk = { type: string; [key: string]: unknown };
type StoredMessages = Awaited<ReturnType<typeof listMessages>>;

/**
 * Reads a chat stream to its end and returns its chunks; with `stopAfterDeltas`, cancels it after
 * that many text deltas, as Stop does.
 */
export async function readStream(stream: ReadableStream<unknown>, stopAfterDeltas = Infinity): Promise<StreamChunk[]> {
  const reader = stream.getReader();
  const chunks: StreamChunk[] = [];
  let deltas = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value as StreamChunk);
    if ((value as StreamChunk).type === "text-delta" && ++deltas >= stopAfterDeltas) {
      await reader.cancel();
      return chunks;
    }
  }
}

/** onEnd stores the turn after the stream ends: waits until the conversation's messages satisfy `done`. */
export async function waitForMessages(conversationId: string, done: (rows: StoredMessages) => boolean): Promise<StoredMessages> {
  for (let i = 0; i < 100; i++) {
    const rows = await listMessages(db(), conversationId);
    if (done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`messages never reached the expected state: ${JSON.stringify(await listMessages(db(), conversationId))}`);
}

/** Asks through the real chat pipeline (built-in model) and returns the stored answer's id once saved. */
export async function askAndStore(user: CurrentUser, question: string): Promise<string> {
  const conversationId = randomUUID();
  await readStream(await answer({ user, conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: question }] } }));
  const rows = await waitForMessages(conversationId, (r) => r.some((m) => m.role === "assistant"));
  return rows.find((m) => m.role === "assistant")!.id;
}

export async function rate(messageId: string, user: CurrentUser, rating: "up" | "down", comment?: string) {
  await rateAnswer(db(), { messageId, userId: user.id, rating, comment });
}
