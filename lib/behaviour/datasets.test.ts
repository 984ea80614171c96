import { describe, expect, it } from "vitest";
import { datasetLines } from "@/db/queries/datasets";
import type { ChatLine } from "@/db/schema";
import { db } from "../db";
import { createTestUser } from "@/testing/fixtures";
import { currentSpec } from "./current-spec";
import { datasetJsonl, freezeDataset, reportOf, splitExamples } from "./datasets";
import { generateExamples, setExampleFlags, writeExample } from "./examples";
import { countLineTokens } from "./training-format";

const example = (i: number, tag: string) => ({ question: `Question ${i}`, idealAnswer: `Answer ${i}`, tags: [tag] });

describe("datasets", () => {
  it("splits by a hash of the content, the same whatever the order, with every behaviour in validation", () => {
    const examples = [...Array.from({ length: 20 }, (_, i) => example(i, "cites")), ...Array.from({ length: 10 }, (_, i) => example(100 + i, "refuse:hr"))];
    const split = splitExamples(examples);
    const shuffled = splitExamples([...examples].reverse());
    expect(examples.map((e) => split.get(e))).toEqual(examples.map((e) => shuffled.get(e)));
    const validation = examples.filter((e) => split.get(e) === "validation");
    expect(validation.filter((e) => e.tags[0] === "cites")).toHaveLength(4);
    expect(validation.filter((e) => e.tags[0] === "refuse:hr")).toHaveLength(2);
  });

  it("freezes trainable examples into a validated version and exports OpenAI chat-format JSONL", async () => {
    const admin = await createTestUser("admin");
    const { version } = await currentSpec(db());
    await generateExamples(admin);
    const leaky = await writeExample(admin, { question: "What is the per diem?", pasted: [{ title: "Travel", text: "The per diem is 60 euros." }], chunkIds: [], idealAnswer: "The per diem is 80 euros [1].", tags: [] });
    const accepted = await writeExample(admin, { question: "Who approves trips?", pasted: [{ title: "Travel", text: "Managers approve trips." }], chunkIds: [], idealAnswer: "Managers approve trips [1], via Concur.", tags: [] });
    expect(leaky.leaks).toHaveLength(1);
    expect(accepted.leaks).toHaveLength(1);
    await setExampleFlags(admin, accepted.id, { leakAccepted: true });

    const dataset = await freezeDataset(admin, { costing: { baseModel: "gpt-4.1-mini-2025-04-14", epochs: 3, pricePerMillion: 5 } });
    expect(dataset.specVersion).toBe(version);
    const lines = await datasetLines(db(), dataset.id);
    const ids = lines.map((l) => l.exampleId);
    expect(ids).toContain(accepted.id);
    expect(ids).not.toContain(leaky.id);
    expect(lines.every((l) => l.tokens === countLineTokens(l.line))).toBe(true);

    const report = reportOf(dataset);
    expect(report.ok).toBe(true);
    const trainTokens = lines.filter((l) => l.split === "train").reduce((s, l) => s + l.tokens, 0);
    expect(report.stats).toMatchObject({ examples: lines.length, trainTokens, billedTokens: trainTokens * 3 });
    expect(report.stats.estimatedCostUsd).toBeCloseTo((trainTokens * 3 * 5) / 1e6, 2);

    const { jsonl } = await datasetJsonl(dataset.id, "train");
    const parsed = jsonl.trimEnd().split("\n").map((l) => JSON.parse(l) as ChatLine);
    expect(parsed).toHaveLength(report.stats.train);
    for (const p of parsed) expect(p.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    const written = parsed.find((p) => p.messages[1]!.content === "Who approves trips?")!;
    expect(written.messages[0]!.content).toContain('<source id="1" title="Travel">\nManagers approve trips.\n</source>');
    expect(written.messages[2]!.content).toBe("Managers approve trips [1], via Concur.");
    expect((await datasetJsonl(dataset.id, "validation")).jsonl.split("\n").filter(Boolean)).toHaveLength(report.stats.validation);

    // Frozen: archiving an example later changes the next version, not this one.
    await setExampleFlags(admin, accepted.id, { archived: true });
    const next = await freezeDataset(admin);
    expect(next.version).toBe(dataset.version + 1);
    expect((await datasetLines(db(), next.id)).map((l) => l.exampleId)).not.toContain(accepted.id);
    expect((await datasetLines(db(), dataset.id)).map((l) => l.exampleId)).toContain(accepted.id);
  });
});
