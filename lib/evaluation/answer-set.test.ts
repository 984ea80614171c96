import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeTempFiles } from "@/testing/temp-files";
import { loadAnswerSet } from "./answer-set";

const writeFiles = (files: Record<string, string>) => writeTempFiles("answer-set-", files);

const question = (extra: object = {}) => JSON.stringify({ id: "q1", question: "How?", answerable: true, ...extra });

describe("loading an answer set", () => {
  it("reads documents by folder: top level for everyone, a subfolder for its group", () => {
    const dir = writeFiles({ "documents/a.md": "A", "documents/hr/b.md": "B", "documents/.DS_Store": "", "questions.jsonl": `${question({ citations: [{ file: "hr/b.md", page: 2 }] })}\n\n` });
    const set = loadAnswerSet(dir);
    expect(set.files).toEqual([{ path: "a.md", groups: [] }, { path: "hr/b.md", groups: ["hr"] }]);
    expect(set.questions).toEqual([{ id: "q1", question: "How?", answerable: true, history: [], groups: [], answers: [], citations: [{ file: "hr/b.md", page: 2 }] }]);
  });

  it("takes documents from elsewhere, all for everyone, when set.json says so", () => {
    const root = writeFiles({ "handbook/pages/travel/index.md": "T", "set/set.json": '{"documents": "../handbook", "readers": "everyone"}', "set/questions.jsonl": question({ citations: [{ file: "pages/travel/index.md" }] }) });
    const set = loadAnswerSet(path.join(root, "set"));
    expect(set.documentsDir).toBe(path.join(root, "handbook"));
    expect(set.files).toEqual([{ path: "pages/travel/index.md", groups: [] }]);
  });

  it.each([
    ["invalid JSON", "{oops", /questions\.jsonl:3: not valid JSON/],
    ["a missing answerability", JSON.stringify({ id: "q2", question: "How?" }), /questions\.jsonl:3: answerable: answerable is required/],
    ["a citation of a file not in the set", question({ id: "q2", citations: [{ file: "nope.md" }] }), /questions\.jsonl:3: cites nope\.md/],
    ["a history ending with the user", question({ id: "q2", history: [{ role: "user", text: "Hi" }] }), /questions\.jsonl:3: history: history must alternate/],
    ["an unknown behaviour", question({ id: "q2", behaviour: "shout" }), /questions\.jsonl:3: behaviour: /],
    ["a duplicate id", question(), /questions\.jsonl:3: duplicate id q1/],
  ])("refuses %s, naming the line", (_, line, message) => {
    const dir = writeFiles({ "documents/a.md": "A", "questions.jsonl": `${question()}\n\n${line}\n` });
    expect(() => loadAnswerSet(dir)).toThrow(message);
  });

  it("refuses a set.json it does not understand", () => {
    const dir = writeFiles({ "documents/a.md": "A", "set.json": '{"readers": "some"}', "questions.jsonl": question() });
    expect(() => loadAnswerSet(dir)).toThrow(/set\.json: readers: /);
  });
});
