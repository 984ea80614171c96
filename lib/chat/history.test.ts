import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ensureConversation, findConversation, saveTurn } from "@/db/queries/conversations";
import { db } from "../db";
import { createTestUser } from "@/testing/fixtures";
import { findConversations, remove, rename } from "./history";

async function conversationWith(userId: string, title: string, question: string) {
  const id = randomUUID();
  await ensureConversation(db(), userId, id, title);
  await saveTurn(db(), {
    conversationId: id,
    userMessage: { id: randomUUID(), parts: [{ type: "text", text: question }] },
    assistantMessage: { id: randomUUID(), parts: [{ type: "data-sources", data: [{ snippet: "zebra crossing" }] }, { type: "text", text: "An answer." }], model: "m", metadata: {} },
    citations: [],
    trace: { query: question, keywordRanking: "fts", results: [] },
  });
  return id;
}

describe("conversation history", () => {
  it("searches titles and message text of the user's own conversations only", async () => {
    const alice = await createTestUser("employee");
    const bob = await createTestUser("employee");
    const word = `quokka${randomUUID().slice(0, 6)}`;
    const byTitle = await conversationWith(alice.id, `About ${word}`, "Hello");
    const byText = await conversationWith(alice.id, "Other", `Is the ${word.toUpperCase()} allowed?`);
    await conversationWith(alice.id, "Unrelated", "Nothing here");
    await conversationWith(bob.id, `Bob's ${word}`, `${word} too`);

    expect((await findConversations(alice, word)).map((c) => c.id).sort()).toEqual([byTitle, byText].sort());
    expect((await findConversations(bob, word)).map((c) => c.title)).toEqual([`Bob's ${word}`]);
    // Only question and answer text counts, not the sources' snippets; LIKE wildcards are literal.
    expect(await findConversations(alice, "zebra")).toEqual([]);
    expect(await findConversations(alice, "%")).toEqual([]);
    expect((await findConversations(alice, "")).length).toBe(3);
  });

  it("renames and deletes only the user's own conversations", async () => {
    const alice = await createTestUser("employee");
    const mallory = await createTestUser("admin");
    const id = await conversationWith(alice.id, "First title", "A question");

    await expect(rename(mallory, id, "Taken")).rejects.toMatchObject({ code: "not_found" });
    await expect(remove(mallory, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(rename(alice, id, "   ")).rejects.toMatchObject({ code: "bad_request" });
    expect((await findConversation(db(), alice.id, id))?.title).toBe("First title");

    await rename(alice, id, "  Travel questions ");
    expect((await findConversation(db(), alice.id, id))?.title).toBe("Travel questions");
    await remove(alice, id);
    expect(await findConversation(db(), alice.id, id)).toBeNull();
    await expect(remove(alice, id)).rejects.toMatchObject({ code: "not_found" });
  });
});
