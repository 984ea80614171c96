import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { askerOf } from "../auth/user";
import { acceptUpload } from "../ingest/upload";
import { diversifyByDocument } from "./diversify";
import type { FusedHit } from "./fusion";
import { rankCandidates, retrieve } from "./retrieve";

const hit = (chunkId: string, score: number, exactRank: number | null = null): FusedHit => ({ chunkId, score, keywordRank: 1, vectorRank: 1, exactRank });
const ids = (hits: FusedHit[]) => hits.map((h) => h.chunkId);
const n = () => String(Math.floor(Math.random() * 9000) + 1000);

describe("diversifyByDocument", () => {
  const documentOf = new Map([["a1", "A"], ["a2", "A"], ["a3", "A"], ["b1", "B"], ["c1", "C"]]);

  it("lets a close match from another document in before a document's third passage, not its second", () => {
    const fused = [hit("a1", 1), hit("a2", 0.98), hit("a3", 0.96), hit("b1", 0.9), hit("c1", 0.5)];
    // a3 after two of A: 0.96 x 0.9 = 0.864 < b1's 0.9; c1 stays last.
    expect(ids(diversifyByDocument(fused, documentOf))).toEqual(["a1", "a2", "b1", "a3", "c1"]);
  });

  it("keeps a much better passage above a distant one of another document", () => {
    const fused = [hit("a1", 1), hit("a2", 0.97), hit("a3", 0.95), hit("b1", 0.5)];
    expect(ids(diversifyByDocument(fused, documentOf))).toEqual(["a1", "a2", "a3", "b1"]);
  });

  it("keeps the order of one document's passages, and of chunks whose document is not known", () => {
    const fused = [hit("a1", 1), hit("a2", 0.7), hit("a3", 0.6), hit("z", 0.55), hit("y", 0.9)];
    expect(ids(diversifyByDocument(fused, documentOf))).toEqual(["a1", "a2", "a3", "z", "y"]);
  });

  it("keeps the passages found by a named identifier above all others, however many one document has", () => {
    // fuse() puts identifier matches at least 1 above every other score; the twelfth of one
    // document, after ten past the free ones, would count 1.89 x 0.9^10 = 0.66 without the rule.
    const many = new Map([...Array.from({ length: 12 }, (_, i) => [`a${i}`, "A"] as const), ["b1", "B"]]);
    const fused = [...Array.from({ length: 12 }, (_, i) => hit(`a${i}`, 2 - i / 100, i + 1)), hit("b1", 1)];
    expect(ids(diversifyByDocument(fused, many)).at(-1)).toBe("b1");
  });

  it("changes nothing with no decay", () => {
    const fused = [hit("a1", 1), hit("a2", 0.99), hit("b1", 0.98)];
    expect(diversifyByDocument(fused, documentOf, 1)).toBe(fused);
  });
});

describe("retrieval's sources", () => {
  it("give a close match in a second document a place that a long document's later passages would have taken", async () => {
    // Words no other test's document holds, so only these documents match.
    const [rule, subject] = [`quorvane${n()}`, `tessilate${n()}`];
    const admin = await createTestUser("admin");
    const sections = Array.from({ length: 8 }, (_, i) => `## Region ${i + 1}\n\nThe ${rule} ${subject} applies to staff in region ${i + 1}: ${rule} ${subject} forms.\n`);
    const long = await acceptUpload({ filename: `regions-${randomUUID()}.md`, bytes: Buffer.from(`# Regional Rules\n\n${sections.join("\n")}`), uploadedBy: admin.id });
    const other = await acceptUpload({
      filename: `contractors-${randomUUID()}.md`,
      bytes: Buffer.from(`# Contractor Rules\n\n## Contractors\n\nThe ${rule} ${subject} applies to contractors in every region: ${rule} ${subject} forms.\n`),
      uploadedBy: admin.id,
    });
    // Weaker matches, as a real index has: the legs' scores are scaled between best and worst.
    const notes = Array.from({ length: 4 }, (_, i) => `## Note ${i + 1}\n\nSee the ${rule} page of the handbook for the details of office ${i + 1} and its teams.\n`);
    await acceptUpload({ filename: `notes-${randomUUID()}.md`, bytes: Buffer.from(`# Office Notes\n\n${notes.join("\n")}`), uploadedBy: admin.id });
    await drainQueue();
    const employee = await createTestUser("employee");
    const question = `the ${rule} ${subject}`;
    const { fused } = await rankCandidates(askerOf(employee), question);
    const { sources } = await retrieve(askerOf(employee), question, 6);
    const contractors = sources.find((s) => s.documentId === other.documentId);
    expect(contractors).toBeDefined();
    // By fused score alone, at least six passages (the long document's) rank above it...
    expect(fused.filter((h) => h.score > contractors!.score).length).toBeGreaterThanOrEqual(6);
    // ...yet it is among the six sources, after the long document's first two passages.
    expect(sources.slice(0, 2).every((s) => s.documentId === long.documentId)).toBe(true);
    expect(sources.indexOf(contractors!)).toBeGreaterThanOrEqual(2);
  });
});
