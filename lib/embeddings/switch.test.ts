/**
 * Switching the embedding model on a real database: the old model serves while the new one is
 * built, new uploads get both, a worker that dies mid-switch is replaced when the queue retries its job,
 * and activation happens in one transaction only when every current chunk has a new vector.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activateSwitchedModel, chunksWithoutEmbedding, findEmbeddingModel, markSwitchReady } from "@/db/queries/embedding-models";
import { softDeleteDocumentsOfGroups } from "@/db/queries/bulk-corpus";
import { ensureGroups } from "@/db/queries/groups";
import { vectorIndexName, vectorIndexType } from "@/db/queries/retrieval";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { acceptUpload } from "../ingest/upload";
import { jobQueue, queues, runOneJob } from "../jobs/queue";
import { retrieve } from "../retrieval/retrieve";
import { buildSyntheticCorpus } from "@/testing/synthetic-corpus";
import { samplePolicyParagraphs } from "@/testing/test-corpus";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { HASHING_ALTERNATE_DIMENSIONS, HASHING_MODEL_ID, hashingModelId } from "./hashing-embedder";
import { activeEmbedder, embedderFor, registerConfiguredEmbeddingModels } from "./registry";
import { dropModelVectors, runModelSwitch, startModelSwitch, switchStep, type SwitchJob } from "./switch";

const ALTERNATE = hashingModelId(HASHING_ALTERNATE_DIMENSIONS, 1);
const unique = () => Math.random().toString(36).slice(2, 10);
const status = async (id: string) => (await findEmbeddingModel(db(), id))!;

async function vectorsOf(documentId: string) {
  const { rows } = await db().execute<{ model: string; n: number }>(sql`
    SELECT e.model, count(*)::int AS n FROM chunk_embeddings e JOIN chunks c ON c.id = e.chunk_id
    JOIN documents d ON d.current_version_id = c.version_id WHERE d.id = ${documentId} GROUP BY e.model ORDER BY e.model`);
  return Object.fromEntries(rows.map((r) => [r.model, r.n]));
}

/** The switch's job, as the queue holds it. */
async function switchJobOf(model: string) {
  const { rows } = await db().execute<{ state: string; retryCount: number }>(sql`
    SELECT state::text AS state, retry_count AS "retryCount" FROM pgboss.job WHERE name = ${queues.embeddingSwitch} AND data->>'modelId' = ${model}
    ORDER BY created_on DESC LIMIT 1`);
  return rows[0];
}

let admin: Awaited<ReturnType<typeof createTestUser>>;
let employee: Awaited<ReturnType<typeof createTestUser>>;
const code = `EMB-${unique()}`;
// The synthetic chunks are near-copies of the sample policies: kept in a group of their own and
// taken out of retrieval afterwards, so they never outrank the real policies in other tests.
let corpusGroup: string;

beforeAll(async () => {
  await registerConfiguredEmbeddingModels();
  expect((await activeEmbedder()).id).toBe(HASHING_MODEL_ID);
  admin = await createTestUser("admin");
  employee = await createTestUser("employee");
  await acceptUpload({ filename: `remote-${code}.md`, bytes: Buffer.from(`# Remote work ${code}\n\nRemote work under ${code} needs a manager's approval and a secure home network.\n`), uploadedBy: admin.id });
  await drainQueue();
  // Enough chunks for several switch batches (256 each).
  [corpusGroup] = (await ensureGroups(db(), [`switch-corpus-${code}`])) as [string];
  await buildSyntheticCorpus(db(), { chunks: 400, groups: [corpusGroup], sources: samplePolicyParagraphs(), embedder: embedderFor(await status(HASHING_MODEL_ID)) });
}, 120_000);
afterAll(() => softDeleteDocumentsOfGroups(db(), [corpusGroup]));

describe("switching the embedding model", () => {
  it("re-embeds in the background while the old model serves, survives a worker stopping, then switches in one step", async () => {
    await startModelSwitch(admin, ALTERNATE);
    const started = await status(ALTERNATE);
    expect(started.status).toBe("building");
    expect(started.totalChunks).toBeGreaterThan(400);
    expect(started.embeddedChunks).toBe(0);

    // A worker takes the switch's job and embeds a first batch...
    const boss = await jobQueue();
    const [job] = await boss.fetch<SwitchJob>(queues.embeddingSwitch);
    expect(job?.data).toEqual({ modelId: ALTERNATE });
    expect(await switchStep(ALTERNATE)).toBe("more");
    const partway = await status(ALTERNATE);
    expect(partway.embeddedChunks).toBe(256);
    // The old model still answers, with the same results as before the switch.
    expect((await activeEmbedder()).id).toBe(HASHING_MODEL_ID);
    expect((await retrieve(askerOf(employee), `remote work ${code}`)).sources[0]?.title).toBe(`Remote work ${code}`);

    // An upload during the switch is embedded by both models.
    const during = await acceptUpload({ filename: `during-${code}.md`, bytes: Buffer.from(`# Hardware ${code}\n\nLaptops under ${code} are replaced every four years.\n`), uploadedBy: admin.id });
    await drainQueue();
    const both = await vectorsOf(during.documentId);
    expect(Object.keys(both)).toEqual([ALTERNATE, HASHING_MODEL_ID].sort());
    expect(both[ALTERNATE]).toBe(both[HASHING_MODEL_ID]);

    // ...then dies: its job is failed, as the queue's supervisor does once the heartbeat stops, and
    // its retry (due now rather than in 30 s) carries on from what is stored.
    await boss.fail(queues.embeddingSwitch, job!, { message: "worker died" });
    expect(await switchJobOf(ALTERNATE)).toEqual({ state: "retry", retryCount: 0 });
    await db().execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${queues.embeddingSwitch} AND data->>'modelId' = ${ALTERNATE}`);
    expect(await runOneJob(queues.embeddingSwitch, runModelSwitch)).toBe(true);
    expect(await switchJobOf(ALTERNATE)).toEqual({ state: "completed", retryCount: 1 });
    expect(await status(ALTERNATE)).toMatchObject({ status: "active", error: null });
    expect((await status(HASHING_MODEL_ID)).status).toBe("retired");
    const done = await status(ALTERNATE);
    expect(done.embeddedChunks).toBe(done.totalChunks);
    expect(await chunksWithoutEmbedding(db(), ALTERNATE, null, 1)).toEqual([]);
    const index = await db().execute(sql`SELECT 1 FROM pg_indexes WHERE indexname = ${vectorIndexName(ALTERNATE, await vectorIndexType(db()))}`);
    expect(index.rows).toHaveLength(1);
    // Retrieval now embeds the question with the new model and searches its vectors.
    expect((await activeEmbedder()).id).toBe(ALTERNATE);
    const { sources } = await retrieve(askerOf(employee), `laptops replaced ${code}`);
    expect(sources[0]?.title).toBe(`Hardware ${code}`);
    expect(sources[0]?.vectorRank).toBe(1);
  });

  it("does not activate while a current chunk lacks the new model's vector, and finishes once it has one", async () => {
    await startModelSwitch(admin, HASHING_MODEL_ID);
    expect(await markSwitchReady(db(), HASHING_MODEL_ID)).toBe(true);
    // A document written with the serving model's vectors only (as an ingest that began before the switch would).
    await buildSyntheticCorpus(db(), { chunks: 3, groups: [corpusGroup], sources: samplePolicyParagraphs(), embedder: embedderFor(await status(ALTERNATE)) });
    expect(await activateSwitchedModel(db(), HASHING_MODEL_ID)).toBe(false);
    expect((await status(HASHING_MODEL_ID)).status).toBe("building");
    expect((await status(ALTERNATE)).status).toBe("active");

    expect(await runOneJob(queues.embeddingSwitch, runModelSwitch)).toBe(true);
    expect(await status(HASHING_MODEL_ID)).toMatchObject({ status: "active", error: null });
    expect(await chunksWithoutEmbedding(db(), HASHING_MODEL_ID, null, 1)).toEqual([]);
    expect((await status(ALTERNATE)).status).toBe("retired");
  });

  it("refuses a second switch or a switch to the active model, and drops a retired model's vectors", async () => {
    await expect(startModelSwitch(admin, HASHING_MODEL_ID)).rejects.toThrow(AppError);
    await expect(dropModelVectors(admin, HASHING_MODEL_ID)).rejects.toThrow(/retired/);
    await dropModelVectors(admin, ALTERNATE);
    expect(await status(ALTERNATE)).toMatchObject({ status: "available", embeddedChunks: 0 });
    const left = await db().execute(sql`SELECT 1 FROM chunk_embeddings WHERE model = ${ALTERNATE} LIMIT 1`);
    expect(left.rows).toHaveLength(0);
  });
});
