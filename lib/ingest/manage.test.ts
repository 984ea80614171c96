import { describe, expect, it } from "vitest";
import { listVersions } from "@/db/queries/document-admin";
import { findReadableVersion } from "@/db/queries/documents";
import { chunkDetails, keywordSearch, readerScope, vectorSearch } from "@/db/queries/retrieval";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { activeEmbedder } from "../embeddings/registry";
import { keywordRankingInUse, rankCandidates, retrieve } from "../retrieval/retrieve";
import { keywordTerms } from "../text/terms";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { deleteDocument, reindexDocument, reindexDocuments, setReaders } from "./manage";
import { acceptUpload } from "./upload";

const unique = () => Math.random().toString(36).slice(2, 10);

async function indexed(code: string) {
  const admin = await createTestUser("admin");
  const upload = await acceptUpload({
    filename: `parking-${code}.md`,
    bytes: Buffer.from(`# Parking ${code}\n\nStaff parking permits under ${code} cost 30 euros per month.\n`),
    uploadedBy: admin.id,
  });
  await drainQueue();
  return { admin, upload, question: `How much is a parking permit under ${code}?` };
}

describe("managing a document", () => {
  it("re-indexes as a new version and keeps the old one for past citations", async () => {
    const { admin, upload, question } = await indexed(`P-${unique()}`);
    const before = (await retrieve(askerOf(admin), question)).sources[0]!;
    const reindexed = await reindexDocument(admin, upload.documentId);
    expect(reindexed).toMatchObject({ outcome: "queued", number: 2 });
    await drainQueue();
    const after = (await retrieve(askerOf(admin), question)).sources[0]!;
    expect(after).toMatchObject({ documentId: upload.documentId, versionNumber: 2 });
    expect(after.chunkId).not.toBe(before.chunkId);
    expect((await listVersions(db(), upload.documentId)).map((v) => [v.number, v.status])).toEqual([[2, "ready"], [1, "ready"]]);
    expect(await findReadableVersion(db(), askerOf(admin), upload.documentId, before.versionId)).toMatchObject({ number: 1, currentNumber: 2 });
  });

  it("re-indexes the documents the table's filters keep, each as a new version, and no deleted or other one", async () => {
    const tag = unique();
    const admin = await createTestUser("admin");
    const upload = (name: string) =>
      acceptUpload({ filename: `${name}.md`, bytes: Buffer.from(`# ${name}\n\nLockers for ${name} are emptied every Friday.\n`), uploadedBy: admin.id });
    const [kept, alsoKept, deleted, other] = [await upload(`lockers-${tag}-a`), await upload(`lockers-${tag}-b`), await upload(`lockers-${tag}-c`), await upload(`bins-${tag}`)];
    await drainQueue();
    await deleteDocument(deleted.documentId, admin);
    expect(await reindexDocuments(admin, { q: `lockers-${tag}` })).toEqual({ queued: 2, failed: 0 });
    await drainQueue();
    const versions = async (id: string) => (await listVersions(db(), id)).map((v) => [v.number, v.status]);
    expect(await versions(kept.documentId)).toEqual([[2, "ready"], [1, "ready"]]);
    expect(await versions(alsoKept.documentId)).toEqual([[2, "ready"], [1, "ready"]]);
    expect(await versions(other.documentId)).toEqual([[1, "ready"]]);
    expect(await versions(deleted.documentId)).toEqual([[1, "ready"]]);
    // An employee's filters name only what they may read; re-indexing is the admin's, checked by the action.
    expect(await reindexDocuments(admin, { q: `nothing-${tag}` })).toEqual({ queued: 0, failed: 0 });
  });

  it("a passage ranked just before a new version goes live is still the answer's source", async () => {
    const { admin, upload, question } = await indexed(`P-${unique()}`);
    const asker = askerOf(admin);
    // The two halves of retrieve(), with the new version going live between them.
    const ranked = (await rankCandidates(asker, question)).fused.map((hit) => hit.chunkId);
    await reindexDocument(admin, upload.documentId);
    await drainQueue();
    const details = await chunkDetails(db(), asker, ranked);
    expect(details.find((d) => d.documentId === upload.documentId)).toMatchObject({ versionNumber: 1 });
    // What is re-checked is still who may read it, and whether it was deleted.
    const employee = await createTestUser("employee");
    await setReaders(upload.documentId, { groups: [`finance-${unique()}`] }, admin);
    expect((await chunkDetails(db(), askerOf(employee), ranked)).filter((d) => d.documentId === upload.documentId)).toEqual([]);
    await deleteDocument(upload.documentId, admin);
    expect((await chunkDetails(db(), asker, ranked)).filter((d) => d.documentId === upload.documentId)).toEqual([]);
  });

  it("a question begun before a new version goes live still finds the document on both legs", async () => {
    const { admin, upload, question } = await indexed(`P-${unique()}`);
    const current = (await retrieve(askerOf(admin), question)).sources[0]!;
    const asker = askerOf(await createTestUser("employee"));
    // The question's first step: the chunks the asker may read (as a narrow reader's scope).
    const scope = await readerScope(db(), asker, Number.MAX_SAFE_INTEGER);
    await reindexDocument(admin, upload.documentId);
    await drainQueue();
    const keyword = await keywordSearch(db(), asker, await keywordRankingInUse(), keywordTerms(question), 10, scope);
    const model = await activeEmbedder();
    const [embedding] = await model.embed([question]);
    const vector = await vectorSearch(db(), asker, { model: model.id, dimensions: model.dimensions, embedding: embedding!, limit: 10, minSimilarity: 0 }, { scope });
    expect(keyword.map((h) => h.chunkId)).toContain(current.chunkId);
    expect(vector.map((h) => h.chunkId)).toContain(current.chunkId);
    // Deletion still takes it out at once.
    await deleteDocument(upload.documentId, admin);
    expect((await keywordSearch(db(), asker, await keywordRankingInUse(), keywordTerms(question), 10, scope)).map((h) => h.chunkId)).not.toContain(current.chunkId);
  });

  it("uploads a differently named file as the next version of a chosen document", async () => {
    const { admin, upload, question } = await indexed(`P-${unique()}`);
    const next = await acceptUpload({
      filename: "parking-2027.md",
      bytes: Buffer.from(`# Parking\n\nPermits now cost 35 euros per month. ${question}\n`),
      uploadedBy: admin.id,
      documentId: upload.documentId,
    });
    expect(next).toMatchObject({ outcome: "queued", documentId: upload.documentId, number: 2 });
    await expect(acceptUpload({ filename: "x.md", bytes: Buffer.from("# X\n\ntext"), uploadedBy: admin.id, documentId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletion takes a document out of retrieval at once, and the viewer says it was deleted", async () => {
    const { admin, upload, question } = await indexed(`P-${unique()}`);
    const employee = await createTestUser("employee");
    const cited = (await retrieve(askerOf(employee), question)).sources[0]!;
    expect(cited.documentId).toBe(upload.documentId);
    await deleteDocument(upload.documentId, admin);
    expect((await retrieve(askerOf(employee), question)).sources.filter((s) => s.documentId === upload.documentId)).toEqual([]);
    expect(await findReadableVersion(db(), askerOf(employee), upload.documentId, cited.versionId)).toMatchObject({ deleted: true });
    await expect(deleteDocument(upload.documentId, admin)).rejects.toMatchObject({ code: "not_found" });
    await expect(reindexDocument(admin, upload.documentId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("changing readers takes effect on the next retrieval", async () => {
    const { admin, upload, question } = await indexed(`P-${unique()}`);
    const employee = await createTestUser("employee");
    const visible = async () => (await retrieve(askerOf(employee), question)).sources.some((s) => s.documentId === upload.documentId);
    expect(await visible()).toBe(true);
    await setReaders(upload.documentId, { groups: [`board-${unique()}`] }, admin);
    expect(await visible()).toBe(false);
    await setReaders(upload.documentId, { everyone: true }, admin);
    expect(await visible()).toBe(true);
    await expect(setReaders(upload.documentId, { groups: [] }, admin)).rejects.toMatchObject({ code: "bad_request" });
  });
});
