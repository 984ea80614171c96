/**
 * The keyword leg on a real database: the reader filter on both plans (a narrow reader's chunks
 * scored directly, everyone else's by walking the index) with either ranking, and the built-in
 * BM25 of PostgreSQL servers without pg_textsearch: postings kept by the chunk triggers in the
 * writing transaction, in BM25 order. Where pg_textsearch is installed (PGlite) those triggers do
 * not exist and their tests are skipped; CI runs them against its PostgreSQL server.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { insertBulkDocuments, type BulkDocument } from "@/db/queries/bulk-corpus";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { detectKeywordRanking, KEYWORD_SEARCH, keywordSearch, postingsSearch, readerScope } from "@/db/queries/retrieval";
import { chunks } from "@/db/schema";
import { db } from "../db";
import { embedder } from "../embeddings";
import { createTestUser } from "@/testing/fixtures";

const ranking = await detectKeywordRanking(db());
// Letters only, so that the English configuration keeps each word as one lexeme of its own.
const word = () => `zq${randomUUID().replace(/[^a-f]/g, "").slice(0, 10)}`;
const FILLER = "the policy applies to every employee of the company in every office";

async function addDocuments(texts: string[], groupOf: (i: number) => string | null): Promise<BulkDocument[]> {
  const vectors = await embedder().embed(texts);
  const docs = texts.map((text, i): BulkDocument => ({
    id: randomUUID(), versionId: randomUUID(), title: `postings ${i}`, filename: `postings-${randomUUID()}.txt`, groupId: groupOf(i),
    chunks: [{ id: randomUUID(), text, searchText: text, embedding: vectors[i]! }],
  }));
  await insertBulkDocuments(db(), embedder().id, docs);
  return docs;
}

// Through the English configuration, as the triggers store it (a random word may lose a suffix).
const dfOf = async (word: string) => (await db().execute<{ df: number }>(sql`
  SELECT df FROM keyword_terms WHERE term IN (SELECT lexeme FROM unnest(to_tsvector('english', ${word})))`)).rows[0]?.df ?? 0;
/**
 * Runs `run` with other settings of the walk: `depthShare: 0` fixes its depth, as the tests of a
 * shallow walk need on a shared database of any size.
 */
async function withWalk<T>(settings: Partial<typeof KEYWORD_SEARCH>, run: () => Promise<T>): Promise<T> {
  const shipped = { ...KEYWORD_SEARCH };
  Object.assign(KEYWORD_SEARCH, settings);
  try {
    return await run();
  } finally {
    Object.assign(KEYWORD_SEARCH, shipped);
  }
}
const postingsOf = async (chunkId: string) =>
  (await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM chunk_terms WHERE chunk_id = ${chunkId}`)).rows[0]!.n;

describe.skipIf(ranking === "bm25")("built-in BM25 from postings (PostgreSQL without pg_textsearch)", () => {
  let admin: { userId: string; isAdmin: boolean };
  beforeAll(async () => {
    admin = { userId: (await createTestUser("admin")).id, isAdmin: true };
  });

  it("ranks by BM25: a term repeated scores higher, a rarer term weighs more, non-matching chunks are absent", async () => {
    const common = word();
    const rare = word();
    const docs = await addDocuments([
      `${common} ${common} ${common} ${FILLER}`,
      `${common} ${FILLER}`,
      `${common} ${rare} ${FILLER}`,
      FILLER,
    ], () => null);
    const ids = docs.map((d) => d.chunks[0]!.id);
    const byCommon = await postingsSearch(db(), admin, [common], 10, null);
    expect(byCommon.map((h) => h.chunkId)).toEqual([ids[0], expect.any(String), expect.any(String)]);
    expect(byCommon.map((h) => h.chunkId)).not.toContain(ids[3]);
    const both = await postingsSearch(db(), admin, [common, rare], 10, null);
    expect(both[0]!.chunkId).toBe(ids[2]);
    expect(both[0]!.score).toBeGreaterThan(both[1]!.score);
  });

  it("writes and removes postings and document frequencies with the chunks, in the same transaction", async () => {
    const term = word();
    const docs = await addDocuments([`${term} ${FILLER}`, `${term} ${term} ${FILLER}`], () => null);
    expect(await dfOf(term)).toBe(2);
    expect(await postingsOf(docs[0]!.chunks[0]!.id)).toBeGreaterThan(1);

    // A failed write leaves no postings and no counts behind.
    await expect(db().transaction(async (tx) => {
      await tx.insert(chunks).values({ versionId: docs[0]!.versionId, ordinal: 7, text: term, searchText: term, spanStart: 0, spanEnd: 1, tokenCount: 1 });
      throw new Error("crash mid-ingestion");
    })).rejects.toThrow("crash");
    expect(await dfOf(term)).toBe(2);

    // What a retried ingestion does first: delete the version's chunks.
    await db().delete(chunks).where(eq(chunks.versionId, docs[0]!.versionId));
    expect(await dfOf(term)).toBe(1);
    expect(await postingsOf(docs[0]!.chunks[0]!.id)).toBe(0);
    expect((await postingsSearch(db(), admin, [term], 10, null)).map((h) => h.chunkId)).toEqual([docs[1]!.chunks[0]!.id]);
    await db().delete(chunks).where(eq(chunks.versionId, docs[1]!.versionId));
    expect(await dfOf(term)).toBe(0);
  });

  it("gives a reader only chunks it may read, the same by the exact plan and by a walk deepened past unreadable postings", async () => {
    const term = word();
    const [mine, theirs] = await ensureGroups(db(), [`postings-${term}-mine`, `postings-${term}-theirs`]);
    // The readable chunks are the longest, so they come last in the term's postings.
    const texts = Array.from({ length: 24 }, (_, i) => (i % 4 === 0 ? `${term} ${FILLER} ${FILLER} ${FILLER}` : `${term} ${term} ${FILLER}`));
    const docs = await addDocuments(texts, (i) => (i % 4 === 0 ? mine! : theirs!));
    const reader = await createTestUser("employee");
    await addUserToGroups(db(), reader.id, [mine!]);
    const asker = { userId: reader.id, isAdmin: false };
    const readable = docs.filter((_, i) => i % 4 === 0).map((d) => d.chunks[0]!.id).sort();

    const exact = await postingsSearch(db(), asker, [term], 10, await readerScope(db(), asker, Number.MAX_SAFE_INTEGER));
    const walked = await withWalk({ depthShare: 0 }, () => postingsSearch(db(), asker, [term], 10, null, 3));
    expect(exact.map((h) => h.chunkId).sort()).toEqual(readable);
    expect(walked).toEqual(exact);
    // Admins read everything: the walk and the exact plan agree on the whole ranking too.
    const all = await withWalk({ depthShare: 0 }, () => postingsSearch(db(), admin, [term], 30, null, 5));
    expect(all).toEqual(await postingsSearch(db(), admin, [term], 30, await readerScope(db(), admin, Number.MAX_SAFE_INTEGER)));
    expect(all).toHaveLength(24);
  });

  it("scores a walk exactly when some terms are walked whole and others are cut off", async () => {
    const common = word();
    const rare = word();
    // 12 chunks name the common term, densely; the two with the rare term name it once in a long
    // text, so a walk of 4 postings per term reaches them only through the rare term.
    const texts = [
      ...Array.from({ length: 12 }, (_, i) => `${common} ${common} ${FILLER}${" office".repeat(i)}`),
      ...Array.from({ length: 2 }, () => `${rare} ${common} ${FILLER} ${FILLER} ${FILLER}`),
    ];
    const docs = await addDocuments(texts, () => null);
    const withRare = docs.slice(12).map((d) => d.chunks[0]!.id);
    const exact = await postingsSearch(db(), admin, [common, rare], 20, await readerScope(db(), admin, Number.MAX_SAFE_INTEGER));
    const exactScore = new Map(exact.map((h) => [h.chunkId, h.score]));

    const walked = await withWalk({ depthShare: 0 }, () => postingsSearch(db(), admin, [common, rare], 3, null, 4));
    expect(walked.map((h) => h.chunkId).slice(0, 2).sort()).toEqual([...withRare].sort());
    for (const hit of walked) expect(hit.score).toBeCloseTo(exactScore.get(hit.chunkId)!, 6);
  });

  it("defers a narrow reader's common terms to the best chunks of its other terms, and reads them whole when those are too few", async () => {
    const [c1, c2, c3, rare] = [word(), word(), word(), word()];
    const [mine, theirs] = await ensureGroups(db(), [`postings-${rare}-mine`, `postings-${rare}-theirs`]);
    // The reader's best chunk names the three common terms, briefly (whatever the database's mean
    // chunk length, it outscores two terms in a long text); only two of its chunks name the rare term.
    const docs = await addDocuments([
      `${c1} ${c2} ${c3}`,
      `${rare} ${c1} ${FILLER} ${FILLER} ${FILLER} ${FILLER}`,
      `${rare} ${c2} ${FILLER} ${FILLER} ${FILLER} ${FILLER} ${FILLER}`,
      `${c1} ${FILLER}`,
      `${rare} ${c1} ${c2} ${c3}`,
      `${c1} ${c2} ${c3} ${FILLER}`,
      `${c2} ${c3} ${FILLER}`,
    ], (i) => (i < 4 ? mine! : theirs!));
    const reader = await createTestUser("employee");
    await addUserToGroups(db(), reader.id, [mine!]);
    const asker = { userId: reader.id, isAdmin: false };
    const scope = await readerScope(db(), asker, Number.MAX_SAFE_INTEGER);
    const ids = docs.map((d) => d.chunks[0]!.id);
    const terms = [c1, c2, c3, rare];
    const readAll = { scopedCommonPostings: Number.MAX_SAFE_INTEGER };
    const exact = await withWalk(readAll, () => postingsSearch(db(), asker, terms, 10, scope));
    expect(exact[0]!.chunkId).toBe(ids[0]);
    expect(exact.map((h) => h.chunkId).sort()).toEqual(ids.slice(0, 4).sort());
    const exactScore = new Map(exact.map((h) => [h.chunkId, h.score]));

    // Terms with more than 3 postings are common (4-5 each; the rare one has 3): the reader's chunks
    // with the rare term are ranked, and scored exactly with the common terms' weights looked up.
    // The chunk of common terms alone is not read, though it scores best.
    const deferring = { commonShare: 0, scopedCommonPostings: 3 };
    const deferred = await withWalk(deferring, () => postingsSearch(db(), asker, terms, 2, scope));
    expect(deferred.map((h) => h.chunkId).sort()).toEqual([ids[1], ids[2]].sort());
    for (const hit of deferred) expect(hit.score).toBeCloseTo(exactScore.get(hit.chunkId)!, 6);
    // Asked for more than they bring, every posting is read: the exact ranking.
    expect(await withWalk(deferring, () => postingsSearch(db(), asker, terms, 3, scope))).toEqual(exact.slice(0, 3));
    // A question of common terms alone is read whole too.
    expect(await withWalk(deferring, () => postingsSearch(db(), asker, [c1, c2], 10, scope)))
      .toEqual(await withWalk(readAll, () => postingsSearch(db(), asker, [c1, c2], 10, scope)));
  });

  it("walks a share of the corpus's chunks where that is deeper than the fixed depth", async () => {
    const [a, b] = [word(), word()];
    // Each term's best postings are chunks that name it three times; the chunk naming both once
    // scores best over the two terms, but comes after those in each term's postings.
    const docs = await addDocuments([
      ...Array.from({ length: 6 }, () => `${a} ${a} ${a} ${FILLER}`),
      ...Array.from({ length: 6 }, () => `${b} ${b} ${b} ${FILLER}`),
      `${a} ${b} ${FILLER}`,
    ], () => null);
    const both = docs[12]!.chunks[0]!.id;
    const exact = await postingsSearch(db(), admin, [a, b], 3, await readerScope(db(), admin, Number.MAX_SAFE_INTEGER));
    expect(exact[0]!.chunkId).toBe(both);
    // Three postings a term do not reach it; the whole corpus as the share does. (Neither term is
    // common, which would walk it a tenth as deep, whatever the size of the test's database.)
    expect((await withWalk({ depthShare: 0, commonShare: 1 }, () => postingsSearch(db(), admin, [a, b], 3, null, 3))).map((h) => h.chunkId)).not.toContain(both);
    expect((await withWalk({ depthShare: 1, commonShare: 1 }, () => postingsSearch(db(), admin, [a, b], 3, null, 3)))[0]!.chunkId).toBe(both);
  });
});

describe(`the keyword leg's plans for a narrow reader (${ranking})`, () => {
  it("score the reader's own chunks exactly as the index walk ranks them, and nothing else", async () => {
    const term = word();
    const [mine, theirs] = await ensureGroups(db(), [`keyword-${term}-mine`, `keyword-${term}-theirs`]);
    const texts = Array.from({ length: 30 }, (_, i) => `${Array.from({ length: 1 + (i % 5) }, () => term).join(" ")} ${FILLER} ${"office ".repeat(i % 7)}`);
    const docs = await addDocuments(texts, (i) => (i % 3 === 0 ? mine! : theirs!));
    const reader = await createTestUser("employee");
    await addUserToGroups(db(), reader.id, [mine!]);
    const asker = { userId: reader.id, isAdmin: false };
    const readable = new Set(docs.filter((_, i) => i % 3 === 0).map((d) => d.chunks[0]!.id));

    const scored = await keywordSearch(db(), asker, ranking, [term], 5, await readerScope(db(), asker, Number.MAX_SAFE_INTEGER));
    const walked = await keywordSearch(db(), asker, ranking, [term], 5, null);
    expect(scored).toHaveLength(5);
    expect(scored.every((h) => readable.has(h.chunkId))).toBe(true);
    expect(walked.map((h) => h.chunkId)).toEqual(scored.map((h) => h.chunkId));
    walked.forEach((h, i) => expect(h.score).toBeCloseTo(scored[i]!.score, 4));
    for (let i = 1; i < scored.length; i++) expect(scored[i]!.score).toBeLessThanOrEqual(scored[i - 1]!.score);
  });
});
