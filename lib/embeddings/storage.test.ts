/**
 * Where vectors are stored: in the table's rows (PLAIN) while every registered model's fit in a
 * page, out of line otherwise, so that a model of any supported size can still write its vectors.
 */
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { INLINE_VECTOR_DIMENSIONS, registerEmbeddingModel } from "@/db/queries/embedding-models";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { registerConfiguredEmbeddingModels } from "./registry";

const WIDE_MODEL = `storage-test-${Math.random().toString(36).slice(2, 10)}`;
const storage = async () => (await db().execute<{ s: string }>(sql`
  SELECT attstorage AS s FROM pg_attribute WHERE attrelid = 'chunk_embeddings'::regclass AND attname = 'embedding'`)).rows[0]!.s;
/** Rows in chunk_embeddings' TOAST table: the pieces of the vectors stored out of line. */
async function toastRows() {
  const { rows } = await db().execute<{ name: string }>(sql`SELECT reltoastrelid::regclass::text AS name FROM pg_class WHERE oid = 'chunk_embeddings'::regclass`);
  return (await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(rows[0]!.name)}`)).rows[0]!.n;
}

afterAll(async () => {
  await db().execute(sql`DELETE FROM chunk_embeddings WHERE model = ${WIDE_MODEL}`);
  await db().execute(sql`DELETE FROM embedding_models WHERE id = ${WIDE_MODEL}`);
  await registerConfiguredEmbeddingModels();
});

describe("vector storage", () => {
  it("keeps the built-in model's vectors in line, and switches to out of line for a model too wide for a page", async () => {
    await registerConfiguredEmbeddingModels();
    expect(await storage()).toBe("p");
    const admin = await createTestUser("admin");
    const before = await toastRows();
    await acceptUpload({ filename: `storage-${WIDE_MODEL}.md`, bytes: Buffer.from(`# Storage ${WIDE_MODEL}\n\nVectors are read in line.\n`), uploadedBy: admin.id });
    await drainQueue();
    // The new document's vectors were written whole in their rows: nothing went to TOAST.
    const [row] = (await db().execute<{ chunk_id: string }>(sql`
      SELECT e.chunk_id FROM chunk_embeddings e JOIN chunks c ON c.id = e.chunk_id
      JOIN documents d ON d.current_version_id = c.version_id WHERE d.title = ${`Storage ${WIDE_MODEL}`} LIMIT 1`)).rows;
    expect(row).toBeDefined();
    expect(await toastRows()).toBe(before);

    // 3,072 dimensions (a 12 kB vector) cannot be written in a PLAIN row: the column goes out of line first.
    const dimensions = INLINE_VECTOR_DIMENSIONS + 1072;
    await registerEmbeddingModel(db(), { id: WIDE_MODEL, provider: "openai", model: WIDE_MODEL, dimensions });
    expect(await storage()).toBe("e");
    const vector = `[${Array.from({ length: dimensions }, (_, i) => Math.sin(i)).join(",")}]`;
    await db().execute(sql`INSERT INTO chunk_embeddings (chunk_id, model, embedding) VALUES (${row!.chunk_id}, ${WIDE_MODEL}, ${vector}::vector)`);
    expect(await toastRows()).toBeGreaterThan(before);
  });
});
