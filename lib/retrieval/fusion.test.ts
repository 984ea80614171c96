import { describe, expect, it } from "vitest";
import { DEFAULT_FUSION, fuse, FUSION, fusionFor } from "./fusion";

const hits = (...list: [string, number][]) => list.map(([chunkId, score]) => ({ chunkId, score }));
const ids = (fused: { chunkId: string }[]) => fused.map((h) => h.chunkId);

describe("fusing the keyword and vector legs", () => {
  // The keyword leg is sure of "a" (its score stands far above the rest); the vector leg prefers "b".
  const sure = { keyword: hits(["a", 12], ["b", 4], ["c", 3.5]), vector: hits(["b", 0.62], ["c", 0.6], ["a", 0.41]) };
  // The keyword leg can hardly tell "a" from "b"; the vector leg clearly prefers "b".
  const unsure = { keyword: hits(["a", 5.1], ["b", 5.0], ["c", 1]), vector: hits(["b", 0.7], ["c", 0.5], ["a", 0.35]) };

  it("with the tuned convex combination, follows a confident keyword leg and lets the vector leg decide near-ties", () => {
    expect(FUSION).toEqual({ method: "convex", keywordShare: 0.8 });
    expect(ids(fuse(sure))).toEqual(["a", "b", "c"]);
    expect(ids(fuse(unsure))).toEqual(["b", "a", "c"]);
  });

  it("with rank-only RRF, cannot tell the two cases apart: the vector leg outvotes a confident keyword leg", () => {
    expect(ids(fuse(sure, DEFAULT_FUSION))).toEqual(["b", "a", "c"]);
    expect(ids(fuse(unsure, DEFAULT_FUSION))).toEqual(["b", "a", "c"]);
  });

  it("weights each leg's share, and records each leg's rank", () => {
    const keywordOnly = fuse(sure, { method: "convex", keywordShare: 1 });
    expect(ids(keywordOnly)).toEqual(["a", "b", "c"]);
    const vectorOnly = fuse(sure, { method: "convex", keywordShare: 0 });
    expect(ids(vectorOnly)).toEqual(["b", "c", "a"]);
    expect(fuse({ keyword: hits(["a", 3]), vector: hits(["z", 0.5]) }).find((h) => h.chunkId === "z")).toMatchObject({ keywordRank: null, vectorRank: 1 });
  });

  it("puts chunks containing the question's identifier above all others, in their fused order", () => {
    const fused = fuse({ ...sure, exact: hits(["x", 1], ["c", 1]) });
    expect(ids(fused)).toEqual(["c", "x", "a", "b"]);
    expect(fused[0]).toMatchObject({ keywordRank: 3, vectorRank: 2, exactRank: 2 });
    expect(fused[1]).toMatchObject({ keywordRank: null, vectorRank: null, exactRank: 1 });
  });

  it("uses the tuned constants for the embedder they were tuned for, and plain RRF for any other", () => {
    expect(fusionFor("builtin-hash-1024-v1")).toBe(FUSION);
    expect(fusionFor("builtin-hash-1024-v2")).toBe(FUSION);
    expect(fusionFor("openai:text-embedding-3-small:1536")).toBe(DEFAULT_FUSION);
  });
});
