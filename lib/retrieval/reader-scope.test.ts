/**
 * A reader's scope on a real database: the chunks it may read, each once, found from its groups
 * and the documents for everyone, as the legs score them when there are few enough.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertBulkDocuments, type BulkDocument } from "@/db/queries/bulk-corpus";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { readerScope } from "@/db/queries/retrieval";
import { documentGroups } from "@/db/schema";
import { db } from "../db";
import { embedder } from "../embeddings";
import { createTestUser } from "@/testing/fixtures";

async function addDocument(groupId: string | null, chunkCount: number): Promise<BulkDocument> {
  const texts = Array.from({ length: chunkCount }, (_, i) => `scope check passage ${i} ${randomUUID()}`);
  const vectors = await embedder().embed(texts);
  const doc: BulkDocument = {
    id: randomUUID(), versionId: randomUUID(), title: "scope", filename: `scope-${randomUUID()}.txt`, groupId,
    chunks: texts.map((text, i) => ({ id: randomUUID(), text, searchText: text, embedding: vectors[i]! })),
  };
  await insertBulkDocuments(db(), embedder().id, [doc]);
  return doc;
}
const idsOf = (...docs: BulkDocument[]) => docs.flatMap((d) => d.chunks.map((c) => c.id));

describe("a reader's scope", () => {
  it("lists each chunk the reader may read once, through any of its groups or for everyone, and nothing else", async () => {
    const tag = randomUUID().slice(0, 8);
    const [a, b, c] = await ensureGroups(db(), [`scope-${tag}-a`, `scope-${tag}-b`, `scope-${tag}-c`]);
    const inBoth = await addDocument(a!, 3);
    await db().insert(documentGroups).values({ documentId: inBoth.id, groupId: b! });
    const inB = await addDocument(b!, 2);
    const inC = await addDocument(c!, 2);
    const forEveryone = await addDocument(null, 1);
    const deleted = await addDocument(a!, 2);
    await db().execute(sql`UPDATE documents SET deleted_at = now() WHERE id = ${deleted.id}`);
    const reader = await createTestUser("employee");
    await addUserToGroups(db(), reader.id, [a!, b!]);

    const scope = (await readerScope(db(), { userId: reader.id, isAdmin: false }, Number.MAX_SAFE_INTEGER))!;
    // Each once: the document in two of the reader's groups is not listed twice.
    expect(new Set(scope).size).toBe(scope.length);
    const ours = new Set(idsOf(inBoth, inB, inC, forEveryone, deleted));
    expect(scope.filter((id) => ours.has(id)).sort()).toEqual(idsOf(inBoth, inB, forEveryone).sort());
    // An admin's scope is every live chunk, once.
    const admin = (await readerScope(db(), { userId: (await createTestUser("admin")).id, isAdmin: true }, Number.MAX_SAFE_INTEGER))!;
    expect(new Set(admin).size).toBe(admin.length);
    expect(admin.filter((id) => ours.has(id)).sort()).toEqual(idsOf(inBoth, inB, inC, forEveryone).sort());
  });
});
