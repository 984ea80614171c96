import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ensureConversation, listMessages, saveTurn, type StoredTurn } from "@/db/queries/conversations";
import { messages, retrievalTraces } from "@/db/schema";
import { createTestUser } from "@/testing/fixtures";
import { db } from "../db";

const turnIn = (conversationId: string, overrides: Partial<StoredTurn> = {}): StoredTurn => ({
  conversationId,
  userMessage: { id: randomUUID(), parts: [{ type: "text", text: "Is parking free?" }] },
  assistantMessage: { id: randomUUID(), parts: [{ type: "text", text: "Yes." }], model: "m", metadata: { notFound: false } },
  citations: [],
  trace: { query: "Is parking free?", keywordRanking: "fts", results: [{ n: 1 }] },
  ...overrides,
});

/** A new conversation of the user's with one turn stored. */
async function storedTurn() {
  const user = await createTestUser("employee");
  const conversationId = randomUUID();
  await ensureConversation(db(), user.id, conversationId, "Parking");
  const turn = turnIn(conversationId);
  await saveTurn(db(), turn);
  return { conversationId, turn };
}

describe("storing a turn", () => {
  it("stores the question, the answer and the trace, absent values as SQL NULL", async () => {
    const { conversationId, turn } = await storedTurn();
    expect((await listMessages(db(), conversationId)).map((m) => [m.id, m.role, m.parts, m.metadata])).toEqual([
      [turn.userMessage.id, "user", turn.userMessage.parts, null],
      [turn.assistantMessage.id, "assistant", turn.assistantMessage.parts, { notFound: false }],
    ]);
    const [trace] = await db().select().from(retrievalTraces).where(eq(retrievalTraces.messageId, turn.assistantMessage.id));
    expect(trace).toMatchObject({ query: "Is parking free?", rewrittenQuery: null, rerank: null, corrections: null, servedBy: null, keywordRanking: "fts", results: [{ n: 1 }] });
  });

  it("replacing a question keeps one answer to it, even when two replacements race", async () => {
    const { conversationId, turn: first } = await storedTurn();
    const again = () => turnIn(conversationId, { userMessage: first.userMessage });
    const [one, two] = [again(), again()];
    await Promise.all([saveTurn(db(), one), saveTurn(db(), two)]);
    const stored = await listMessages(db(), conversationId);
    expect(stored.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect([one.assistantMessage.id, two.assistantMessage.id]).toContain(stored[1]!.id);
  });

  it("stores a new question after every message before it, whatever the clock says, and deletes none of them", async () => {
    // The answer is stored a millisecond after its question when both land in one instant; a
    // clock that ticks by milliseconds (PGlite's) can give the next question that same instant.
    const { conversationId, turn: first } = await storedTurn();
    await db().update(messages).set({ createdAt: sql`now() + interval '1 second'` }).where(eq(messages.id, first.assistantMessage.id));
    const next = turnIn(conversationId);
    await saveTurn(db(), next);
    expect((await listMessages(db(), conversationId)).map((m) => m.id)).toEqual([
      first.userMessage.id, first.assistantMessage.id, next.userMessage.id, next.assistantMessage.id,
    ]);
  });

  it("stores nothing of a turn that cannot be stored whole", async () => {
    const user = await createTestUser("employee");
    const [mine, other] = [randomUUID(), randomUUID()];
    await ensureConversation(db(), user.id, mine, "Mine");
    await ensureConversation(db(), user.id, other, "Other");
    const stored = turnIn(mine);
    await saveTurn(db(), stored);

    // A question id of another conversation: refused, and its answer not written.
    const hijack = turnIn(other, { userMessage: { id: stored.userMessage.id, parts: [{ type: "text", text: "Hijack" }] } });
    await expect(saveTurn(db(), hijack)).rejects.toThrow(/belongs to another conversation/);
    // A citation of a chunk that does not exist (deleted meanwhile): the question and answer go too.
    const dangling = turnIn(other, { citations: [{ n: 1, chunkId: randomUUID(), versionId: randomUUID(), documentId: randomUUID() }] });
    await expect(saveTurn(db(), dangling)).rejects.toThrow();

    expect(await listMessages(db(), other)).toEqual([]);
    expect((await listMessages(db(), mine)).map((m) => m.parts)).toEqual([stored.userMessage.parts, stored.assistantMessage.parts]);
    const ids = [hijack.assistantMessage.id, dangling.assistantMessage.id];
    expect(await db().select().from(retrievalTraces).where(inArray(retrievalTraces.messageId, ids))).toEqual([]);
  });
});
