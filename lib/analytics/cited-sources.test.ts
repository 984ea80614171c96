import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dailyActivity, documentCitations, thumbsDownAnswers, unansweredQuestions } from "@/db/queries/analytics";
import { conversationFeedback, findConversationForReview } from "@/db/queries/conversation-review";
import { ensureConversation, saveTurn } from "@/db/queries/conversations";
import { feedback, messages } from "@/db/schema";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { askAndStore } from "../evaluation/ask-and-store";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { everyDay, rankDocuments, windowOf } from "./cited-sources";

const today = () => new Date().toISOString().slice(0, 10);
const todayOf = async (days: number) => (await dailyActivity(db(), days)).find((d) => d.day === today()) ?? { answers: 0, unanswered: 0, thumbsDown: 0 };

describe("cited-sources analytics, from real documents, answers and feedback", () => {
  it("counts citations per window, lists uncited documents, thumbs down with their sources, and unanswered questions", async () => {
    const code = randomUUID().slice(0, 8);
    const admin = await createTestUser("admin");
    const ids: Record<string, string> = {};
    for (const [key, body] of Object.entries({
      parking: `# Parking ${code}\n\nStaff park on level 2 of garage ${code} and show a badge at the gate.\n`,
      canteen: `# Canteen ${code}\n\nThe canteen ${code} serves lunch from 11:30 to 14:00 on working days.\n`,
      archive: `# Archive ${code}\n\nPaper records of ${code} are kept in the basement archive for ten years.\n`,
    })) {
      const upload = await acceptUpload({ filename: `${key}-${code}.md`, bytes: Buffer.from(body), uploadedBy: admin.id });
      if (upload.outcome !== "queued") throw new Error(upload.outcome);
      ids[key] = upload.documentId;
    }
    await drainQueue();
    const before = await todayOf(7);

    const employee = await createTestUser("employee");
    const oldParking = await askAndStore(employee, `Where do staff park in garage ${code}?`);
    const parking = await askAndStore(employee, `Which level of garage ${code} is for staff parking?`);
    const canteen = await askAndStore(employee, `When does canteen ${code} serve lunch?`);
    expect(parking.metadata).toMatchObject({ notFound: false });
    const swallow = await askAndStore(employee, `What is the airspeed of an unladen swallow ${code}?`);
    await askAndStore(employee, `  what is the airspeed of an unladen SWALLOW ${code}?`);
    expect(swallow.metadata).toMatchObject({ notFound: true });
    // An answer stored before answers carried the notFound flag: citing nothing makes it unanswered.
    const legacyConversation = randomUUID();
    await ensureConversation(db(), employee.id, legacyConversation, "Gym");
    const legacyId = randomUUID();
    await saveTurn(db(), {
      conversationId: legacyConversation,
      userMessage: { id: randomUUID(), parts: [{ type: "text", text: `Is there a gym at ${code}?` }] },
      assistantMessage: { id: legacyId, parts: [{ type: "text", text: "Maybe." }], model: "old-model", metadata: { model: "old-model" } },
      citations: [],
      trace: { query: "gym", keywordRanking: "fts", results: [] },
    });

    // One of the parking answers is from 40 days ago.
    await db().update(messages).set({ createdAt: sql`now() - interval '40 days'` }).where(eq(messages.id, oldParking.messageId));
    await db().insert(feedback).values([
      { messageId: canteen.messageId, userId: employee.id, rating: "down", comment: `Lunch at ${code} ends at 13:30 now` },
      { messageId: parking.messageId, userId: employee.id, rating: "up" },
    ]);

    const ours = (rows: Awaited<ReturnType<typeof documentCitations>>) =>
      Object.fromEntries(rows.filter((r) => Object.values(ids).includes(r.documentId)).map((r) => [r.title, r.answers]));
    const thirty = await documentCitations(db(), 30);
    expect(ours(thirty)).toEqual({ [`Parking ${code}`]: 1, [`Canteen ${code}`]: 1, [`Archive ${code}`]: 0 });
    expect(ours(await documentCitations(db(), 90))).toMatchObject({ [`Parking ${code}`]: 2 });
    const ranked = rankDocuments(thirty.filter((r) => Object.values(ids).includes(r.documentId)));
    expect(ranked.most.map((d) => d.title).sort()).toEqual([`Canteen ${code}`, `Parking ${code}`]);
    expect(ranked.notCited.map((d) => d.title)).toEqual([`Archive ${code}`]);
    expect(ranked.notCited[0]!.lastCitedAt).toBeNull();

    const down = (await thumbsDownAnswers(db(), 30)).filter((t) => t.conversationId === canteen.conversationId);
    expect(down).toHaveLength(1);
    expect(down[0]).toMatchObject({
      messageId: canteen.messageId,
      question: `When does canteen ${code} serve lunch?`,
      comment: `Lunch at ${code} ends at 13:30 now`,
      userEmail: employee.email,
    });
    expect(down[0]!.sources.map((s) => [s.n, s.title, s.version, s.documentId])).toEqual([[1, `Canteen ${code}`, 1, ids.canteen]]);

    const unanswered = (await unansweredQuestions(db(), 30)).filter((q) => q.question.includes(code));
    // Asked twice (case and spacing aside): counted once, shown as last asked.
    expect(unanswered.map((q) => [q.question, q.asked])).toEqual([
      [`  what is the airspeed of an unladen SWALLOW ${code}?`, 2],
      [`Is there a gym at ${code}?`, 1],
    ]);
    expect(unanswered[1]).toMatchObject({ messageId: legacyId, conversationId: legacyConversation });

    // Today's column grew by exactly what this test stored (the 40-day-old answer is outside the window).
    const after = await todayOf(7);
    expect(after.answers - before.answers).toBe(5);
    expect(after.thumbsDown - before.thumbsDown).toBe(1);
    expect(after.unanswered - before.unanswered).toBe(3);

    expect(await findConversationForReview(db(), canteen.conversationId)).toMatchObject({ ownerEmail: employee.email });
    expect(await conversationFeedback(db(), canteen.conversationId)).toEqual([
      { messageId: canteen.messageId, rating: "down", comment: `Lunch at ${code} ends at 13:30 now`, userEmail: employee.email },
    ]);
  });

  it("fills every day of the window, ending today, and accepts only the offered windows", () => {
    const days = everyDay([{ day: "2026-03-02", answers: 4, unanswered: 1, thumbsDown: 2 }], 3, new Date("2026-03-03T10:00:00Z"));
    expect(days).toEqual([
      { day: "2026-03-01", answers: 0, unanswered: 0, thumbsDown: 0 },
      { day: "2026-03-02", answers: 4, unanswered: 1, thumbsDown: 2 },
      { day: "2026-03-03", answers: 0, unanswered: 0, thumbsDown: 0 },
    ]);
    expect([windowOf("7"), windowOf("90"), windowOf("365"), windowOf(undefined)]).toEqual([7, 90, 30, 30]);
  });
});
