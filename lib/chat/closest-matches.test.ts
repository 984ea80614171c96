import { describe, expect, it } from "vitest";
import { closestMatches } from "./closest-matches";
import type { ChatMessage, SourceRef } from "./types";

const source = (n: number): SourceRef => ({
  n, documentId: `d${n}`, versionId: `v${n}`, versionNumber: 1, chunkId: `c${n}`, title: `Doc ${n}`, headingPath: [], page: null, snippet: `passage ${n}`,
});
const reply = (text: string, sources: SourceRef[], metadata: ChatMessage["metadata"]): ChatMessage => ({
  id: "a", role: "assistant", metadata,
  parts: [{ type: "data-sources", id: "sources", data: sources }, { type: "text", text }],
});

describe("closest matches under an answer", () => {
  it("offers the three best-ranked retrieved passages when the server marked the answer not found", () => {
    const sources = [source(2), source(1), source(4), source(3), source(5)];
    expect(closestMatches(reply("I couldn't find this.", sources, { notFound: true })).map((s) => s.n)).toEqual([1, 2, 3]);
    expect(closestMatches(reply("I couldn't find this.", [source(4)], { notFound: true })).map((s) => s.n)).toEqual([4]);
  });

  it("offers nothing for an answer, a refusal, a reply without sources, or an answer still without a verdict", () => {
    expect(closestMatches(reply("Leasing runs 36 months [1].", [source(1)], { notFound: false }))).toEqual([]);
    expect(closestMatches(reply("Please ask HR.", [source(1)], {}))).toEqual([]);
    expect(closestMatches(reply("I couldn't find this.", [], { notFound: true }))).toEqual([]);
    // The text alone does not decide: the server's verdict arrives with the finished answer.
    expect(closestMatches(reply("I couldn't find this.", [source(1)], undefined))).toEqual([]);
  });
});
