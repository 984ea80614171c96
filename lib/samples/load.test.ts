import { describe, expect, it } from "vitest";
import { listDocuments } from "@/db/queries/documents";
import { composeExtractiveAnswer } from "../ai/builtin-model";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { retrieve } from "../retrieval/retrieve";
import { createTestUser, drainQueue } from "../testing/fixtures";
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
      const { text, cited } = composeExtractiveAnswer(question, sources);
      return { text, cited: cited.map((n) => sources[n - 1]!) };
    };
    // The answer cites this load's copy of the right policy (the shared test database holds other
    // documents too, so it need not be the first citation).
    const cites = (answer: Awaited<ReturnType<typeof ask>>, title: string) =>
      answer.cited.find((c) => c.title === title && uploads.some((u) => u.documentId === c.documentId));
    expect(cites(await ask("How many days of annual leave do I get?"), "Leave and Time Off Policy")).toBeDefined();
    const meals = cites(await ask("How much can I claim for client meals?"), "Expenses Policy");
    expect(meals?.page).toBeGreaterThanOrEqual(1);
    expect(cites(await ask("What should I do if my company laptop is stolen?"), "IT Security Policy")).toBeDefined();
  });
});
