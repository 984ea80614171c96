import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listMessages } from "@/db/queries/conversations";
import { feedbackFor } from "@/db/queries/feedback";
import { feedback } from "@/db/schema";
import { db } from "../db";
import { createTestUser } from "@/testing/fixtures";
import { answer } from "./answer";
import { giveFeedback } from "./feedback";

async function answeredConversation(user: Awaited<ReturnType<typeof createTestUser>>) {
  const conversationId = randomUUID();
  const stream = await answer({ user, conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "Where is the handbook?" }] } });
  const reader = stream.getReader();
  while (!(await reader.read()).done);
  for (let i = 0; i < 100; i++) {
    const rows = await listMessages(db(), conversationId);
    if (rows.length === 2) return { question: rows[0]!.id, answer: rows[1]!.id };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the turn was not stored");
}

describe("feedback on answers", () => {
  it("stores one rating per user and answer, changeable, with an optional comment", async () => {
    const user = await createTestUser("employee");
    const { answer: messageId } = await answeredConversation(user);
    await giveFeedback(user, messageId, { rating: "up" });
    await giveFeedback(user, messageId, { rating: "down", comment: "  Cites the old policy.  " });
    const rows = await db().select().from(feedback).where(and(eq(feedback.messageId, messageId), eq(feedback.userId, user.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: "down", comment: "Cites the old policy." });
    expect((await feedbackFor(db(), user.id, [messageId])).get(messageId)).toEqual({ rating: "down", comment: "Cites the old policy." });
  });

  it("answers not found for someone else's answer, a question, or no message; rejects a bad rating", async () => {
    const owner = await createTestUser("employee");
    const stranger = await createTestUser("admin");
    const { question, answer: messageId } = await answeredConversation(owner);
    await expect(giveFeedback(stranger, messageId, { rating: "up" })).rejects.toMatchObject({ code: "not_found" });
    await expect(giveFeedback(owner, question, { rating: "up" })).rejects.toMatchObject({ code: "not_found" });
    await expect(giveFeedback(owner, randomUUID(), { rating: "up" })).rejects.toMatchObject({ code: "not_found" });
    await expect(giveFeedback(owner, messageId, { rating: "meh" })).rejects.toMatchObject({ code: "bad_request" });
    expect(await db().select().from(feedback).where(eq(feedback.messageId, messageId))).toEqual([]);
    // A stranger's rating of the message is not readable through feedbackFor either.
    expect((await feedbackFor(db(), stranger.id, [messageId])).size).toBe(0);
  });
});
