import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeTempFiles } from "@/testing/temp-files";

/** A set in a temporary folder: documents (path -> content) and questions. */
const writeSet = (files: Record<string, string>, questions: object[]) =>
  writeTempFiles("answer-set-", { ...files, "questions.jsonl": questions.map((q) => JSON.stringify(q)).join("\n") + "\n" });

const run = (...args: string[]) =>
  spawnSync(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/eval-answers.ts", ...args], { encoding: "utf8", timeout: 120_000 });

// Unusual words, so that documents other tests left in the shared test database do not compete.
const DOCUMENTS = {
  "documents/zephyr-parking.md": "# Zephyr parking\n\nEmployees park their cars in the Zephyr garage on level four.\n\nVisitors park their cars on level one of the Zephyr garage.\n",
  "documents/quasar-team/quasar-deploys.md": "# Quasar deploy freezes\n\nThe quasar deploy freeze starts every Friday at noon.\n\nHotfixes during a freeze need approval from the duty lead.\n",
  "documents/notes.bin": "\u0000\u0001\u0002 not a document",
};
const FREEZE = "When does the quasar deploy freeze start?";

describe("npm run eval:answers", () => {
  it("scores answers found, answers missing, declines, follow-ups and behaviour through the chat's own path", () => {
    const folder = writeSet(DOCUMENTS, [
      // Found: a member of the group that may read the document.
      { id: "found", question: FREEZE, groups: ["quasar-team"], answerable: true, answers: ["every Friday at noon"], citations: [{ file: "quasar-team/quasar-deploys.md" }], behaviour: "answer" },
      // Missing: the same question from an employee who may not read that document.
      { id: "missing", question: FREEZE, answerable: true, answers: ["every Friday at noon"], citations: [{ file: "quasar-team/quasar-deploys.md" }] },
      { id: "unanswerable", question: "Which zebra-striped umbrellas does the Zephyr lobby lend?", answerable: false, behaviour: "answer" },
      {
        id: "follow-up",
        question: "What about visitors?",
        history: [{ role: "user", text: "Where do employees park their cars at Zephyr?" }, { role: "assistant", text: "In the Zephyr garage on level four [1]." }],
        answerable: true,
        answers: ["on level one"],
        citations: [{ file: "zephyr-parking.md" }],
      },
      { id: "hr", question: "Why is my salary lower than my colleague's, and can I get a raise?", behaviour: "refuse:hr" },
    ]);
    const json = path.join(folder, "report.json");
    const out = path.join(folder, "answers.jsonl");
    const result = run(folder, "--model", "builtin-extractive", "--json", json, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/skipped notes\.bin: .*not a supported document/);

    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(Object.keys(report)).toEqual(["set", "model", "questions", "answerable", "unanswerable", "behaviour", "latencyMs"]);
    expect(report).toMatchObject({
      set: path.basename(folder),
      model: "builtin-extractive",
      questions: 5,
      answerable: { n: 3, falseRefusalRate: 0.333, citationFileHit: 0.667, citationPageHit: null, retrievalHit: 0.667, answerRecall: 0.667 },
      unanswerable: { n: 1, declineRate: 1 },
      behaviour: { n: 3, accuracy: 1 },
    });
    expect(report.answerable.tokenF1).toBeGreaterThan(0.2);
    expect(report.answerable.tokenF1).toBeLessThan(report.answerable.answerRecall);
    expect(report.latencyMs.p95).toBeGreaterThanOrEqual(report.latencyMs.p50);

    const lines = Object.fromEntries(fs.readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l)).map((l) => [l.id, l]));
    expect(lines.found).toMatchObject({ decline: false, cited: [{ file: "quasar-team/quasar-deploys.md", page: null }], scores: { answerRecall: 1 } });
    expect(lines.found.answer).toContain("every Friday at noon");
    expect(lines.missing).toMatchObject({ decline: true, cited: [], scores: { citationFileHit: false, retrievalHit: false, answerRecall: 0 } });
    expect(lines.missing.sources.map((s: { file: string }) => s.file)).not.toContain("quasar-team/quasar-deploys.md");
    // The follow-up was searched for with its history's words: the rewrite ran on the stored conversation.
    expect(lines["follow-up"].searchedFor).toMatch(/^What about visitors\? .*park/);
    expect(lines["follow-up"]).toMatchObject({ decline: false, cited: [{ file: "zephyr-parking.md" }], scores: { answerRecall: 1 } });
    // The referral withholds the answer: for a policy question it would count as a refusal.
    expect(lines.hr).toMatchObject({ decline: true, cited: [], scores: { behaviourPass: true } });
    expect(lines.hr.answer).toContain("personal HR matter");
  }, 90_000);

  it("exits non-zero with the line at fault on a malformed set, before touching a database", () => {
    const folder = writeSet(DOCUMENTS, [{ id: "a", question: FREEZE, answerable: true }, { id: "b", question: FREEZE, answerable: "yes" }]);
    const result = run(folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Malformed set: .*questions\.jsonl:2: answerable: /m);
  });
});
