import { describe, expect, it } from "vitest";
import type { ChatLine } from "@/db/schema";
import { OPENAI_LIMITS, validateDataset, type LineToCheck } from "./dataset-validation";

const costing = { baseModel: "gpt-4.1-mini-2025-04-14", epochs: 3, pricePerMillion: 5 };
const behaviours = ["answer", "not-found", "refuse:hr"];

function line(i: number, tags: string[], split: "train" | "validation" = "train", tokens = 100): LineToCheck {
  const chat: ChatLine = { messages: [{ role: "system", content: "Rules and sources" }, { role: "user", content: `Question ${i}?` }, { role: "assistant", content: `Answer ${i} [1].` }] };
  return { line: chat, tags, split, tokens };
}

/** 12 training and 3 validation lines, every behaviour present, none dominant. */
function good(): LineToCheck[] {
  const tagsOf = (i: number) => [["cites"], ["not-found"], ["refuse:hr"]][i % 3]!;
  return Array.from({ length: 15 }, (_, i) => line(i, tagsOf(i), i < 12 ? "train" : "validation"));
}

const check = (lines: LineToCheck[], id: string, limits = OPENAI_LIMITS) => validateDataset(lines, limits, costing, behaviours).checks.find((c) => c.id === id)!;

describe("dataset validation", () => {
  it("passes a well-formed, balanced dataset and estimates its cost from tokens, epochs and price", () => {
    const report = validateDataset(good(), OPENAI_LIMITS, costing, behaviours);
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.stats).toMatchObject({ train: 12, validation: 3, trainTokens: 1200, validationTokens: 300, billedTokens: 3600, behaviours: { answer: 5, "not-found": 5, "refuse:hr": 5 } });
    expect(report.stats.estimatedCostUsd).toBe(0.02); // 3,600 tokens x $5 / 1M = $0.018
  });

  it("fails a line whose roles or contents are not system, user, assistant with text", () => {
    const lines = good();
    lines[2] = { ...lines[2]!, line: { messages: [lines[2]!.line.messages[1]!, lines[2]!.line.messages[2]!] } };
    lines[4]!.line.messages[2]!.content = "  ";
    lines[6] = { ...lines[6]!, line: {} as ChatLine };
    const c = check(lines, "format");
    expect(c.status).toBe("fail");
    expect(c.message).toMatch(/3 lines not in chat format: line 3 has roles \["user","assistant"\].*line 5 has an empty message.*line 7 has no messages array/);
  });

  it("fails an example over the per-example token limit, and a dataset over the per-job budget", () => {
    const lines = good();
    lines[1]!.tokens = 70_000;
    expect(check(lines, "example-tokens")).toMatchObject({ status: "fail", message: expect.stringContaining("lines 2") });
    expect(check(good(), "total-tokens", { ...OPENAI_LIMITS, maxTrainingTokensPerJob: 3_000 })).toMatchObject({ status: "fail", message: expect.stringContaining("1,200 x 3 epochs") });
  });

  it("fails exact duplicates and warns about one question with two different answers", () => {
    const dup = [...good(), good()[0]!];
    expect(check(dup, "duplicates").status).toBe("fail");
    const conflicting = good();
    conflicting[1]!.line.messages[1]!.content = "Question 0?";
    expect(check(conflicting, "duplicates")).toMatchObject({ status: "warn", message: expect.stringContaining("different ideal answers") });
  });

  it("fails under OpenAI's minimum of 10 training examples, warns without validation examples", () => {
    expect(check(good().slice(0, 9), "size")).toMatchObject({ status: "fail", message: expect.stringContaining("at least 10") });
    expect(check(good().slice(0, 12), "size").status).toBe("warn");
  });

  it("warns when a behaviour of the spec has no examples or one behaviour dominates", () => {
    const noRefusals = good().filter((l) => !l.tags.includes("refuse:hr"));
    expect(check(noRefusals, "balance")).toMatchObject({ status: "warn", message: expect.stringContaining("refuse:hr") });
    const lopsided = [...good(), ...Array.from({ length: 30 }, (_, i) => line(100 + i, ["cites"]))];
    expect(check(lopsided, "balance")).toMatchObject({ status: "warn", message: expect.stringMatching(/"answer" makes up 78%/) });
  });
});
