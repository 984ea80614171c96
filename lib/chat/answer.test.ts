import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findCitationPage } from "@/db/queries/citations";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { readStream, waitForMessages } from "@/testing/answers";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { makePdf } from "@/testing/pdf";
import { citedNumbers } from "./citations";
import { answer } from "./answer";
import type { ChatMessage, SourceRef } from "./types";

const userMessage = (text: string): ChatMessage => ({ id: randomUUID(), role: "user", parts: [{ type: "text", text }] });



describe("answering a question", () => {
  it("streams the sources first, then a cited answer, and stores the turn with its citations", async () => {
    const admin = await createTestUser("admin");
    const code = `BIKE-${randomUUID().slice(0, 6)}`;
    const upload = await acceptUpload({
      filename: `cycling-${code}.md`,
      bytes: Buffer.from(`# Cycle to Work ${code}\n\nEmployees can lease a bicycle through the ${code} scheme for up to 1,500 euros.\n`),
      uploadedBy: admin.id,
    });
    await drainQueue();

    const employee = await createTestUser("employee");
    const conversationId = randomUUID();
    const chunks = await readStream(await answer({ user: employee, conversationId, message: userMessage(`How much can I spend on a bicycle with ${code}?`) }));
    const types = chunks.map((c) => c.type);
    expect(types.indexOf("data-sources")).toBeLessThan(types.indexOf("text-delta"));
    expect(types.filter((t) => t === "text-delta").length).toBeGreaterThan(3);
    const text = chunks.flatMap((c) => (c.type === "text-delta" ? [c.delta as string] : [])).join("");
    expect(text).toContain("1,500 euros");
    expect(text).toContain("[1]");
    // An answer, so no closest passages: the server says so before the stream finishes.
    expect(chunks.find((c) => c.type === "message-metadata")).toEqual({ type: "message-metadata", messageMetadata: { notFound: false } });

    const rows = await waitForMessages(conversationId, (r) => r.length >= 2);
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
    expect(rows[1]!.model).toBe("builtin-extractive");
    const { citations } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const stored = await db().select().from(citations).where(eq(citations.messageId, rows[1]!.id));
    // Exactly the markers the answer kept, each a stored citation; [1] is this test's document
    // (the shared test database may hold similar documents the answer also quotes).
    expect(stored.map((c) => c.n).sort()).toEqual(citedNumbers(text).sort());
    expect(stored.find((c) => c.n === 1)?.documentId).toBe(upload.documentId);
  });

  it("marks a not-found reply as such while it streams and when stored, with the sources it retrieved", async () => {
    const admin = await createTestUser("admin");
    const code = randomUUID().slice(0, 8);
    await acceptUpload({
      filename: `offices-${code}.md`,
      bytes: Buffer.from(`# Offices ${code}\n\nThe ${code} office is on the fourth floor of the Shibuya tower.\n`),
      uploadedBy: admin.id,
    });
    await drainQueue();

    const employee = await createTestUser("employee");
    const conversationId = randomUUID();
    // Retrieval finds the passage by its code; what is asked of it, the passage does not say.
    const question = `${code}: what are the dress code, the uniform allowance and the parking rules there?`;
    const chunks = await readStream(await answer({ user: employee, conversationId, message: userMessage(question) }));
    const sources = chunks.find((c) => c.type === "data-sources")?.data as { title: string }[];
    expect(sources.map((s) => s.title)).toContain(`Offices ${code}`);
    const types = chunks.map((c) => c.type);
    expect(types.indexOf("message-metadata")).toBe(types.indexOf("finish") - 1);
    expect(chunks.find((c) => c.type === "message-metadata")).toEqual({ type: "message-metadata", messageMetadata: { notFound: true } });

    const rows = await waitForMessages(conversationId, (r) => r.length >= 2);
    expect(rows[1]!.metadata).toMatchObject({ notFound: true });
    expect(rows[1]!.parts).toContainEqual(expect.objectContaining({ type: "data-sources" }));
  });

  it("stores a citation of a sentence on page 2 of a passage that starts on page 1 with page 2, and marks it", async () => {
    const admin = await createTestUser("admin");
    const code = `KAYAK-${randomUUID().slice(0, 6)}`;
    const sentence = `Employees may borrow a ${code} kayak for up to three weekends a year.`;
    const pdf = await makePdf((p) => {
      p.fontSize(11).text(`The ${code} club is run by volunteers from the facilities team.`);
      p.addPage().text(sentence);
    });
    await acceptUpload({ filename: `kayaks-${code}.pdf`, bytes: Buffer.from(pdf), uploadedBy: admin.id });
    await drainQueue();

    const employee = await createTestUser("employee");
    const conversationId = randomUUID();
    const chunks = await readStream(await answer({ user: employee, conversationId, message: userMessage(`How many weekends can I borrow a ${code} kayak?`) }));
    const sourceParts = chunks.filter((c) => c.type === "data-sources").map((c) => c.data as SourceRef[]);
    const cited = (refs: SourceRef[] | undefined) => refs?.find((s) => s.title.includes(code) || s.snippet.includes(code));
    // Once the answer is complete the sources part is sent again: at the sentence's page, with its marks.
    expect(sourceParts).toHaveLength(2);
    const placed = cited(sourceParts.at(-1))!;
    expect(placed.page).toBe(2);

    const rows = await waitForMessages(conversationId, (r) => r.length >= 2);
    const { citations, chunks: chunkTable } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const [stored] = await db().select().from(citations).where(eq(citations.chunkId, placed.chunkId));
    const [chunk] = await db().select().from(chunkTable).where(eq(chunkTable.id, placed.chunkId));
    expect(chunk).toMatchObject({ page: 1, pageEnd: 2 });
    expect(stored).toMatchObject({ page: 2, spans: placed.marks });
    expect(stored!.spans!.map(([s, e]) => chunk!.text.slice(s, e))).toEqual([sentence]);
    expect(await findCitationPage(db(), rows[1]!.id, stored!.n)).toBe(2);
  });

  it("refuses an empty or oversized question, and another user's conversation", async () => {
    const alice = await createTestUser("employee");
    const bob = await createTestUser("employee");
    await expect(answer({ user: alice, conversationId: randomUUID(), message: userMessage("   ") })).rejects.toMatchObject({ code: "bad_request" });
    await expect(answer({ user: alice, conversationId: randomUUID(), message: userMessage("x".repeat(5000)) })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/at most 2000 characters/),
    });
    const conversationId = randomUUID();
    await readStream(await answer({ user: alice, conversationId, message: userMessage("Where is the handbook?") }));
    await expect(answer({ user: bob, conversationId, message: userMessage("And now?") })).rejects.toMatchObject({ code: "not_found" });
  });
});
