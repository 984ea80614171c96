import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBeir, ndcgAt } from "./beir";
import { writeTempFiles } from "@/testing/temp-files";
import { percentile, recallAgainstExact, scoreRanking } from "./metrics";

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

  it("counts an approximate search's recall@10 against the exact ranking, with ties if asked", () => {
    // Exact: a..j score 0.9 down to 0.81; k scores 0.8099 (within 0.1% of j's 0.81), l 0.80.
    const exact = [..."abcdefghij"].map((id, i) => ({ chunkId: id, score: 0.9 - i * 0.01 }));
    const truth = [[...exact, { chunkId: "k", score: 0.8099 }, { chunkId: "l", score: 0.8 }]];
    const withK = [[..."abcdefghi", "k"]];
    expect(recallAgainstExact(truth, withK)).toBeCloseTo(0.9);
    expect(recallAgainstExact(truth, withK, 0.001)).toBe(1); // k ties with j
    expect(recallAgainstExact(truth, [[..."abcdefghi", "l"]], 0.001)).toBeCloseTo(0.9); // l does not
    // Many ties cannot count for more than the ten places.
    expect(recallAgainstExact(truth, [[..."abcdefghijk"]], 0.001)).toBe(1);
    expect(recallAgainstExact([[]], [[]])).toBe(1); // nothing to find
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
