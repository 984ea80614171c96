import { describe, expect, it } from "vitest";
import { listDocuments } from "@/db/queries/documents";
import { composeExtractiveAnswer } from "../ai/extractive-answer";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { retrieve } from "../retrieval/retrieve";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { loadSamplePolicies } from "./load";

describe("the sample policies", () => {
  it("load in every shipped format and answer real questions with the right document cited", async () => {
    const admin = await createTestUser("admin");
    const uploads = await loadSamplePolicies(admin.id);
    expect(uploads.map((u) => u.filename).sort()).toEqual([
      "expenses-policy.pdf",
      "it-security-policy.docx",
      "leave-policy.md",
      "travel-policy.md",
    ]);
    await drainQueue();
    const docs = (await listDocuments(db(), askerOf(admin))).filter((d) => uploads.some((u) => u.documentId === d.id));
    expect(docs.map((d) => d.latestStatus)).toEqual(["ready", "ready", "ready", "ready"]);

    const employee = await createTestUser("employee");
    const ask = async (question: string) => {
      const { sources } = await retrieve(askerOf(employee), question);
      const { text, cited } = composeExtractiveAnswer(question, sources, { notFound: "not found" });
      return { text, cited: cited.map((n) => sources[n - 1]!) };
    };
    // The answer cites the right policy. The shared test database holds other documents too (other
    // tests upload copies of these samples under other names), so by title, and not necessarily first.
    const cites = async (question: string, title: string) => {
      const answer = await ask(question);
      const cited = answer.cited.find((c) => c.title === title);
      expect(cited, `"${question}" cites ${title}; it cited ${JSON.stringify(answer.cited.map((c) => c.title))}`).toBeDefined();
      return cited!;
    };
    await cites("How many days of annual leave do I get?", "Leave and Time Off Policy");
    expect((await cites("How much can I claim for client meals per person?", "Expenses Policy")).page).toBeGreaterThanOrEqual(1);
    await cites("What should I do if my company laptop is stolen?", "IT Security Policy");
  });
});
