import { randomUUID } from "node:crypto";
import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { documentFrequencies } from "@/db/queries/term-stats";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { createBuiltinModel } from "../ai/builtin-model";
import type { TermStatsSource } from "../ai/extractive-answer";
import { buildSystemPrompt } from "../ai/prompt";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { AnswerTermStats } from "./answer-term-stats";
import { retrieve } from "./retrieve";

// Made-up words, so no other test's document holds them (the suite shares one database).
const tag = randomUUID().slice(0, 6);
const policy = `# Kayak Policy ${tag}

## Paddles ${tag}
Every kayak ${tag} comes with two paddles, which are returned to the boathouse after each outing.

## Life jackets
A life jacket must be worn on the water at all times, and children wear one on the jetty too.
`;

/** The built-in model's answer over retrieval's sources, reading word statistics from `termStats`. */
async function answerWith(question: string, sources: Awaited<ReturnType<typeof retrieve>>["sources"], termStats: TermStatsSource) {
  const result = streamText({
    model: createBuiltinModel({ termStats }),
    instructions: buildSystemPrompt(sources.map((s) => ({ n: s.n, title: s.title, headingPath: s.headingPath, page: s.page, text: s.text }))),
    messages: [{ role: "user", content: question }],
  });
  return result.text;
}

describe("an answer's word statistics", () => {
  it("are read once: the search reads the question's words, and the built-in model finds them read", async () => {
    const admin = await createTestUser("admin");
    await acceptUpload({ filename: `kayak-${tag}.md`, bytes: Buffer.from(policy), uploadedBy: admin.id });
    await drainQueue();
    const employee = askerOf(await createTestUser("employee"));
    const question = `How many paddles come with each kayak ${tag}?`;

    const stats = new AnswerTermStats();
    const { sources } = await retrieve(employee, question, undefined, stats);
    expect(stats.reads).toBe(1);
    const shared = await answerWith(question, sources, (words) => stats.read(db(), words));
    expect(stats.reads).toBe(1);

    // The same answer as with statistics read on their own.
    let ownReads = 0;
    const own = await answerWith(question, sources, (words) => (ownReads++, documentFrequencies(db(), words)));
    expect(ownReads).toBe(1);
    expect(shared).toBe(own);
    expect(shared).toContain("two paddles");
  });

  it("give what a read of the same words gives, and read only the words not read before, once when asked together", async () => {
    const stats = new AnswerTermStats();
    const first = ["kayak", "paddles", "the"];
    const more = ["paddles", "boathouse", "jetty", `zzyzx${tag}`];
    expect(await stats.read(db(), first)).toEqual(await documentFrequencies(db(), first));
    expect(await stats.read(db(), more)).toEqual(await documentFrequencies(db(), more));
    expect(stats.reads).toBe(2);
    await stats.read(db(), [...first, ...more]);
    expect(stats.reads).toBe(2);
    // Stop words alone: no count, as a read of them alone gives.
    expect(await stats.read(db(), ["the"])).toEqual(await documentFrequencies(db(), ["the"]));

    const together = new AnswerTermStats();
    const [a, b] = await Promise.all([together.read(db(), first), together.read(db(), first)]);
    expect(a).toEqual(b);
    expect(together.reads).toBe(1);
  });
});
