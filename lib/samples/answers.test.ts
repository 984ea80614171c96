import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "@/db/queries/conversations";
import type { CurrentUser } from "../auth/user";
import { answer } from "../chat/answer";
import { starterQuestions } from "../chat/starters";
import { db } from "../db";
import { openScratchDatabase, type ScratchDatabase } from "../evaluation/scratch-database";
import { drainQueue } from "@/testing/fixtures";
import { loadSamplePolicies } from "./load";

/**
 * What a new install answers on its own sample policies, through the chat's whole path with the
 * built-in model: the README's example, every starter question, and questions people asked in
 * their own words. Each must state the fact and cite the policy it comes from. On a database of
 * its own holding only the samples, as a new install does: other tests' documents would change
 * both the index's statistics and what is retrieved.
 */
let scratch: ScratchDatabase;
let employee: CurrentUser;

beforeAll(async () => {
  scratch = await openScratchDatabase({ fresh: true });
  await loadSamplePolicies(scratch.ownerId);
  await drainQueue();
  employee = await scratch.employee([]);
});

afterAll(async () => {
  await scratch?.close();
});

async function ask(question: string, history: string[] = []) {
  const conversationId = randomUUID();
  for (const q of [...history, question]) {
    const message = { id: randomUUID(), role: "user" as const, parts: [{ type: "text" as const, text: q }] };
    const reader = (await answer({ user: employee, conversationId, message })).getReader();
    const chunks: { type: string; data?: unknown }[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value as { type: string });
    const sources = (chunks.find((c) => c.type === "data-sources")?.data ?? []) as { n: number; title: string }[];
    for (let i = 0; i < 100; i++) {
      const rows = await listMessages(db(), conversationId);
      const reply = rows[rows.findIndex((r) => r.id === message.id) + 1];
      if (reply) {
        if (q !== question) break;
        const text = (reply.parts as { type: string; text?: string }[]).map((p) => p.text ?? "").join("");
        const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
        return { text, titles: cited.map((n) => sources.find((s) => s.n === n)?.title) };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`no answer stored for "${question}"`);
}

async function expectAnswer(question: string, title: string, facts: string[], history?: string[]) {
  const { text, titles } = await ask(question, history);
  expect(titles, `"${question}" should cite ${title}; answered: ${text}`).toContain(title);
  for (const fact of facts) expect(text, `"${question}" should state ${fact}`).toContain(fact);
}

describe("answers on the sample policies", () => {
  it("answers the README's example with the days of annual leave", async () => {
    await expectAnswer("How many days of annual leave do I get?", "Leave and Time Off Policy", ["22", "25", "28"]);
    // The table whole, under the sentence that says what it is, its rows in order.
    const lines = (await ask("How many days of annual leave do I get?")).text.split("\n");
    expect(lines[0]).toMatch(/Entitlement grows with length of service: \[1\]$/);
    expect(lines.slice(1, 4).map((l) => l.match(/Days per year: (\d+)/)?.[1])).toEqual(["22", "25", "28"]);
  });

  it("answers every starter question from the document it names", async () => {
    const starters = await starterQuestions(employee);
    expect(starters.length).toBeGreaterThan(0);
    for (const question of starters) {
      const title = question.match(/^What does the (.+?) say /)![1]!;
      await expectAnswer(question, title, []);
    }
  });

  it("answers questions asked in people's own words", async () => {
    await expectAnswer("Expense claim deadline", "Expenses Policy", ["30 days"]);
    await expectAnswer("My company laptop was stolen. What should I do?", "IT Security Policy", ["24 hours"]);
    await expectAnswer("What's the client dinner limit?", "Expenses Policy", ["85"]);
    await expectAnswer("according to the leave policy, how much sick leave do we get", "Leave and Time Off Policy", ["12 days"]);
    await expectAnswer("What is never reimbursed?", "Expenses Policy", ["Alcohol"]);
  });

  it("quotes a list item with the lead-in that says what it is, and no numbered heading as a fact", async () => {
    // Alone, "Personal grooming, clothing, and gym memberships." could be read as covered.
    await expectAnswer("How much is the gym membership allowance?", "Expenses Policy", ["The following are never reimbursed, even with a receipt: Personal grooming, clothing, and gym memberships."]);
    // "5. Unpaid Leave and Sabbaticals" opens its passage and reads as a list item.
    const { text } = await ask("Is there a sabbatical?");
    expect(text).toContain("a sabbatical of up to 6 months after 5 years");
    expect(text).not.toContain("Unpaid Leave and Sabbaticals");
  });

  it("answers through a typo and the index's own stop words", async () => {
    // "expence" and "anual" are in no document; "because" is a word the index drops.
    await expectAnswer("What is the deadline for travel expence claims?", "Business Travel Policy", ["30 days"]);
    await expectAnswer("how many days of anual leave do I get because I started in March?", "Leave and Time Off Policy", ["25"]);
  });

  it("quotes first the row of a table whose band covers the asker's own figure", async () => {
    // "7" is in no document: the leave table's row for it reads "More than 5 years".
    const { text, titles } = await ask("I have been here for 7 years. How many days of annual leave can I carry over?");
    expect(titles[0]).toBe("Leave and Time Off Policy");
    expect(text.split("\n")[0], text).toMatch(/More than 5 years.*Maximum carry-over \(days\): 10\b/);
  });

  it("answers a follow-up as what it means in the conversation", async () => {
    await expectAnswer("and how much parental leave?", "Leave and Time Off Policy", ["20 weeks"], ["How many days of sick leave do I get?"]);
    // "How long" answered by a deadline: the date is the figure asked for.
    await expectAnswer("and how long do I have to use it?", "Leave and Time Off Policy", ["31 March"], ["Can I carry over unused annual leave?"]);
  });

  it("declines what the policies do not cover", async () => {
    const { text, titles } = await ask("What is the dress code for the Tokyo office?");
    expect(text).toContain("I couldn't find this");
    expect(titles).toEqual([]);
  });
});
