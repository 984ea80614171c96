import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ensureConversation, saveTurn } from "@/db/queries/conversations";
import { db } from "../db";
import { AppError } from "../errors";
import { createTestUser } from "@/testing/fixtures";
import { exportConversation } from "./export-markdown";

const source = (n: number, title: string, page: number | null) => ({
  n, documentId: randomUUID(), versionId: randomUUID(), versionNumber: 1, chunkId: randomUUID(), title, headingPath: [], page, snippet: "…",
});

async function conversationOf(userId: string) {
  const id = randomUUID();
  await ensureConversation(db(), userId, id, "Dental cover?");
  await saveTurn(db(), {
    conversationId: id,
    userMessage: { id: randomUUID(), parts: [{ type: "text", text: "How much does dental cover pay?" }] },
    assistantMessage: {
      id: randomUUID(),
      parts: [
        { type: "data-sources", data: [source(1, "Benefits Guide 2027", 4), source(2, "Uncited Memo", null), source(3, "Dental FAQ", null)] },
        { type: "text", text: "Routine treatment is paid at 80 percent [1], crowns at 50 percent [3]." },
      ],
      model: "m",
      metadata: {},
    },
    citations: [],
    trace: { query: "dental", keywordRanking: "fts", results: [] },
  });
  await saveTurn(db(), {
    conversationId: id,
    userMessage: { id: randomUUID(), parts: [{ type: "text", text: "And orthodontics?" }] },
    assistantMessage: { id: randomUUID(), parts: [], model: "m", metadata: { stopped: true } },
    citations: [],
    trace: { query: "orthodontics", keywordRanking: "fts", results: [] },
  });
  return id;
}

describe("exporting a conversation as Markdown", () => {
  it("writes each question and answer, and the cited sources numbered as in the answer", async () => {
    const owner = await createTestUser("employee");
    const id = await conversationOf(owner.id);
    const { filename, markdown } = await exportConversation(owner, id);
    expect(filename).toBe("dental-cover.md");
    expect(markdown).toBe(
      [
        "# Dental cover?",
        "",
        "## Question",
        "",
        "How much does dental cover pay?",
        "",
        "### Answer",
        "",
        "Routine treatment is paid at 80 percent [1], crowns at 50 percent [3].",
        "",
        "#### Sources",
        "",
        "1. Benefits Guide 2027, page 4",
        "3. Dental FAQ",
        "",
        "## Question",
        "",
        "And orthodontics?",
        "",
        "### Answer",
        "",
        "_No answer._",
        "",
        "_Stopped before the answer was complete._",
        "",
      ].join("\n"),
    );
  });

  it("is not found for anyone but the owner, administrators included", async () => {
    const owner = await createTestUser("employee");
    const id = await conversationOf(owner.id);
    for (const other of [await createTestUser("employee"), await createTestUser("admin")]) {
      const err = await exportConversation(other, id).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("not_found");
    }
  });
});
