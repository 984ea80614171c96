import { describe, expect, it } from "vitest";
import type { FusedHit } from "./fusion";
import { namedDocuments, preferNamed } from "./named-documents";

const docs = [
  { documentId: "ppo", title: "Medical Plan: Choice Plus PPO Summary", filename: "medical-ppo-2027.pdf" },
  { documentId: "hmo", title: "Medical Plan Summary", filename: "medical_select_hmo_2027.pdf" },
  { documentId: "dental", title: "Dental Plan Summary", filename: "dental.md" },
];

describe("namedDocuments", () => {
  it("finds the document a question names by a distinctive word of its title or file name", () => {
    expect([...namedDocuments("According to the Choice Plus booklet, what is the deductible?", docs)]).toEqual(["ppo"]);
    expect([...namedDocuments("what's the out-of-pocket max in the HMO?", docs)]).toEqual(["hmo"]);
  });

  it("names none when the question shares only words every candidate's name has, or none at all", () => {
    expect(namedDocuments("What does the plan summary say about deductibles?", docs).size).toBe(0);
    expect(namedDocuments("How do I file a claim?", docs).size).toBe(0);
  });

  it("names every document tied for the best match, and weighs shared words less", () => {
    expect([...namedDocuments("Compare the PPO and the HMO deductibles", docs)].sort()).toEqual(["hmo", "ppo"]);
    // "medical" is in two of the three names, "dental" in one.
    expect([...namedDocuments("Is the medical deductible higher than the dental one?", docs)]).toEqual(["dental"]);
  });
});

describe("preferNamed", () => {
  const hit = (chunkId: string, score: number, exactRank: number | null = null): FusedHit => ({ chunkId, score, keywordRank: 1, vectorRank: 1, exactRank });
  const documentOf = new Map([["a", "ppo"], ["b", "hmo"], ["c", "dental"], ["x", "dental"]]);

  it("lifts a named document's passages over near-ties, not over a much better match or an identifier's", () => {
    const fused = [hit("x", 5, 1), hit("c", 1), hit("a", 0.95), hit("b", 0.7)];
    expect(preferNamed(fused, documentOf, new Set(["hmo"])).map((h) => h.chunkId)).toEqual(["x", "c", "a", "b"]);
    expect(preferNamed(fused, documentOf, new Set(["ppo"])).map((h) => h.chunkId)).toEqual(["x", "a", "c", "b"]);
    expect(preferNamed(fused, documentOf, new Set())).toBe(fused);
  });
});
