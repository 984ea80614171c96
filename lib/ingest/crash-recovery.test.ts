/**
 * Real worker processes against the test database: one is killed with SIGKILL in the middle of a
 * job, and the queue must still end with every document indexed exactly once.
 */
// Set before any configuration is read: jobs are sent with a 10 s heartbeat (pg-boss's shortest),
// so that a killed worker's job comes due again within the test.
process.env.INGEST_LEASE_SECONDS = "10";

import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { db } from "../db";
import { embedder } from "../embeddings";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { INGEST_RETRY_LIMIT, jobQueue } from "../jobs/queue";
import { killWorkers, startWorker, waitFor } from "@/testing/worker-process";
import { chunkDocument } from "./chunker";
import { parseDocument } from "./parsers";
import { acceptUpload } from "./upload";

// Created once up front: workers starting together would each try to create it (a race on PostgreSQL).
beforeAll(() => ensureVectorIndex(db(), embedder().id, embedder().dimensions));

afterEach(killWorkers);

type JobRow = { versionId: string; state: string; retryCount: number; worker: string | null; versionStatus: string };

/** The pg-boss ingest jobs of these versions (one each) beside their versions' status. */
async function jobsOf(versionIds: string[]): Promise<JobRow[]> {
  const { rows } = await db().execute<JobRow>(sql`
    SELECT v.id AS "versionId", j.state::text AS state, j.retry_count AS "retryCount", j.output->>'worker' AS worker, v.status AS "versionStatus"
    FROM pgboss.job j JOIN document_versions v ON v.id::text = j.data->>'versionId'
    WHERE j.name = 'ingest' AND v.id IN (${sql.join(versionIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return rows;
}

/** The version's stored chunks and embeddings match one run of the chunker: no duplicates, no gaps. */
async function expectIndexedOnce(versionId: string, text: string, filename: string) {
  const expected = chunkDocument(await parseDocument({ bytes: new TextEncoder().encode(text), filename, mime: "text/markdown" })).length;
  const { rows } = await db().execute<{ chunks: number; ordinals: number; embeddings: number }>(sql`
    SELECT count(*)::int AS chunks, count(DISTINCT c.ordinal)::int AS ordinals, count(e.chunk_id)::int AS embeddings
    FROM chunks c LEFT JOIN chunk_embeddings e ON e.chunk_id = c.id WHERE c.version_id = ${versionId}`);
  expect(rows[0]).toEqual({ chunks: expected, ordinals: expected, embeddings: expected });
}

async function orphanEmbeddings() {
  const { rows } = await db().execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM chunk_embeddings e LEFT JOIN chunks c ON c.id = e.chunk_id WHERE c.id IS NULL`);
  return rows[0]!.n;
}

const unique = () => Math.random().toString(36).slice(2, 10);

/** One level-2 section per chunk: `sections` > 64 means more than one embedding batch. */
function handbook(code: string, sections: number) {
  const body = Array.from({ length: sections }, (_, i) => `## Rule ${i + 1}\n\nRule ${i + 1} of ${code}: submit form ${code}-${i} within ${i + 2} days.`);
  return `# Handbook ${code}\n\n${body.join("\n\n")}\n`;
}

describe("ingest workers as real processes", () => {
  it("recovers a job whose worker was killed mid-job, indexing it exactly once", { timeout: 120_000 }, async () => {
    const admin = await createTestUser("admin");
    const code = `CR-${unique()}`;
    const text = handbook(code, 100); // two embedding batches
    const filename = `handbook-${code}.md`;
    const upload = await acceptUpload({ filename, bytes: Buffer.from(text), uploadedBy: admin.id });
    const versionId = upload.versionId;

    // The pause follows each embedding batch: the kill lands in the pause after the first.
    const first = await startWorker({}, { embedPauseMs: 3000 });
    const midJob = await waitFor("the first worker to be mid-job", async () => {
      const [job] = await jobsOf([versionId]);
      return job?.state === "active" && job.versionStatus === "processing" && job;
    });
    expect(midJob.retryCount).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));

    const second = await startWorker({});
    const [done] = await waitFor("the job to finish", async () => {
      const jobs = await jobsOf([versionId]);
      return jobs[0]?.state === "completed" && jobs;
    }, 75_000);
    // The second attempt, by the second worker: the first one's heartbeat stopped with it.
    expect(done).toMatchObject({ state: "completed", retryCount: 1, versionStatus: "ready", worker: expect.stringMatching(new RegExp(`:${second.child.pid}$`)) });
    await expectIndexedOnce(versionId, text, filename);
    expect(await orphanEmbeddings()).toBe(0);
    const { rows } = await db().execute<{ current: string }>(sql`SELECT current_version_id AS current FROM documents WHERE id = ${upload.documentId}`);
    expect(rows[0]!.current).toBe(versionId);
  });

  it("shares a queue between two workers, each job processed exactly once", { timeout: 90_000 }, async () => {
    // Both workers are up before the queue fills, so both get a share of it.
    const workersUp = await Promise.all([startWorker({}, { embedPauseMs: 300 }), startWorker({}, { embedPauseMs: 300 })]);
    const admin = await createTestUser("admin");
    const docs = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const code = `Q${i}-${unique()}`;
        const text = handbook(code, 3 + i);
        const filename = `queue-${code}.md`;
        const upload = await acceptUpload({ filename, bytes: Buffer.from(text), uploadedBy: admin.id });
        return { text, filename, versionId: upload.versionId };
      }),
    );
    const ids = docs.map((d) => d.versionId);
    const jobs = await waitFor("all jobs to finish", async () => {
      const rows = await jobsOf(ids);
      return rows.length === ids.length && rows.every((j) => j.state === "completed" || j.state === "failed") && rows;
    });
    expect(jobs.map((j) => [j.state, j.versionStatus, j.retryCount])).toEqual(ids.map(() => ["completed", "ready", 0]));
    for (const doc of docs) await expectIndexedOnce(doc.versionId, doc.text, doc.filename);
    // Both took part: the queue really was shared, not drained by whichever started first.
    for (const w of workersUp) expect(jobs.some((j) => j.worker?.endsWith(`:${w.child.pid}`))).toBe(true);
    const { rows } = await db().execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM document_versions WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) AND status = 'processing'`);
    expect(rows[0]!.n).toBe(0);
    expect(await orphanEmbeddings()).toBe(0);
  });
});

describe("failed ingestion", () => {
  it("fails an unprocessable document at once, with the reason, instead of retrying it", async () => {
    const admin = await createTestUser("admin");
    const upload = await acceptUpload({ filename: `broken-${unique()}.pdf`, bytes: Buffer.from("%PDF-1.7 truncated"), uploadedBy: admin.id });
    await drainQueue();
    const [job] = await jobsOf([upload.versionId]);
    // The job ran to its end, a recorded failure: nothing to retry.
    expect(job).toMatchObject({ state: "completed", retryCount: 0, versionStatus: "failed" });
    const { rows } = await db().execute<{ error: string }>(sql`SELECT error FROM document_versions WHERE id = ${upload.versionId}`);
    expect(rows[0]!.error).toBe("The file is not a valid PDF (it may be damaged or incomplete).");
  });

  it("retries a transient failure (the embedding provider down) after a backoff", async () => {
    const admin = await createTestUser("admin");
    const code = unique();
    const text = handbook(code, 2);
    const upload = await acceptUpload({ filename: `retry-${code}.md`, bytes: Buffer.from(text), uploadedBy: admin.id });
    const spy = vi.spyOn(embedder(), "embed").mockRejectedValueOnce(new Error("connect ECONNREFUSED 127.0.0.1:11434"));
    try {
      await drainQueue();
    } finally {
      spy.mockRestore();
    }
    expect((await jobsOf([upload.versionId]))[0]).toMatchObject({ state: "retry", retryCount: 0, versionStatus: "queued" });
    const { rows: due } = await db().execute<{ seconds: number }>(sql`
      SELECT extract(epoch FROM start_after - now())::float AS seconds FROM pgboss.job WHERE name = 'ingest' AND data->>'versionId' = ${upload.versionId}`);
    expect(due[0]!.seconds).toBeGreaterThan(3); // backoff: 5-10 s
    // Due now instead of in 5-10 s: the retry indexes it.
    await db().execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = 'ingest' AND data->>'versionId' = ${upload.versionId}`);
    await drainQueue();
    expect((await jobsOf([upload.versionId]))[0]).toMatchObject({ state: "completed", retryCount: 1, versionStatus: "ready" });
    await expectIndexedOnce(upload.versionId, text, `retry-${code}.md`);
  });

  it("marks a version failed when its job runs out of attempts without recording why (its workers kept dying)", async () => {
    const admin = await createTestUser("admin");
    const code = unique();
    const upload = await acceptUpload({ filename: `dying-${code}.md`, bytes: Buffer.from(handbook(code, 2)), uploadedBy: admin.id });
    const boss = await jobQueue();
    // Each attempt is taken and dies: settled as failed, as the supervisor does when a heartbeat stops.
    for (let attempt = 0; attempt <= INGEST_RETRY_LIMIT; attempt++) {
      await db().execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = 'ingest' AND data->>'versionId' = ${upload.versionId}`);
      const [job] = await boss.fetch<{ versionId: string }>("ingest");
      expect(job?.data.versionId).toBe(upload.versionId);
      await boss.fail("ingest", job!, { message: "worker died" });
    }
    expect((await jobsOf([upload.versionId]))[0]).toMatchObject({ state: "failed", retryCount: INGEST_RETRY_LIMIT });
    await drainQueue();
    const { rows } = await db().execute<{ status: string; error: string }>(sql`SELECT status, error FROM document_versions WHERE id = ${upload.versionId}`);
    expect(rows[0]).toEqual({ status: "failed", error: "Ingestion stopped responding repeatedly and was abandoned. Try re-uploading the file." });
  });
});
