import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBeir, ndcgAt } from "./beir";
import { writeTempFiles } from "@/testing/temp-files";
import { percentile, scoreRanking } from "./metrics";

describe("retrieval metrics", () => {
  it("scores a ranking as BEIR does", () => {
    const relevant = new Map([["a", 1], ["b", 1]]);
    expect(scoreRanking(["a", "b", "c"], relevant)).toEqual({ ndcg10: 1, recall10: 1, recall100: 1, mrr10: 1 });
    const late = scoreRanking(["x", "y", "a"], relevant);
    expect(late.mrr10).toBeCloseTo(1 / 3);
    expect(late.recall10).toBe(0.5);
    expect(late.ndcg10).toBeCloseTo(1 / Math.log2(4) / (1 + 1 / Math.log2(3)));
    expect(scoreRanking(["a", "a", "b"], relevant).ndcg10).toBe(1); // a document's second chunk does not count twice
    expect(ndcgAt(10, [], relevant)).toBe(0);
  });

  it("takes percentiles by nearest rank", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
  });

  it("rejects a malformed dataset with a message naming the problem", () => {
    const dir = writeTempFiles("beir-", {});
    expect(() => loadBeir(dir)).toThrow(/corpus.jsonl is missing/);
    fs.writeFileSync(path.join(dir, "corpus.jsonl"), '{"_id": "1", "text": "x"}\n{broken\n');
    fs.writeFileSync(path.join(dir, "queries.jsonl"), '{"_id": "q", "text": "x"}\n');
    fs.mkdirSync(path.join(dir, "qrels"));
    fs.writeFileSync(path.join(dir, "qrels", "test.tsv"), "query-id\tcorpus-id\tscore\nq\t1\t1\n");
    expect(() => loadBeir(dir)).toThrow(/corpus.jsonl:2 is not valid JSON/);
    fs.writeFileSync(path.join(dir, "corpus.jsonl"), '{"_id": "1", "text": "x"}\n');
    fs.writeFileSync(path.join(dir, "qrels", "test.tsv"), "query-id\tcorpus-id\tscore\nq\t1\n");
    expect(() => loadBeir(dir)).toThrow(/malformed qrels line/);
  });
});
