/**
 * Real worker processes against the test database: one is killed with SIGKILL in the middle of a
 * job, and the queue must still end with every document indexed exactly once.
 */
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { db } from "../db";
import { embedder } from "../embeddings";
import { createTestUser, drainQueue } from "../testing/fixtures";
import { killWorkers, startWorker, waitFor } from "../testing/worker-process";
import { chunkDocument } from "./chunker";
import { parseDocument } from "./parsers";
import { acceptUpload } from "./upload";

// Created once up front: workers starting together would each try to create it (a race on PostgreSQL).
beforeAll(() => ensureVectorIndex(db(), embedder().id, embedder().dimensions));

afterEach(killWorkers);

type JobRow = { versionId: string; status: string; attempts: number; lockedBy: string | null; progress: number; versionStatus: string };

async function jobsOf(versionIds: string[]): Promise<JobRow[]> {
  const { rows } = await db().execute<JobRow>(sql`
    SELECT j.version_id AS "versionId", j.status, j.attempts, j.locked_by AS "lockedBy", j.progress, v.status AS "versionStatus"
    FROM ingest_jobs j JOIN document_versions v ON v.id = j.version_id
    WHERE j.version_id IN (${sql.join(versionIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
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
  it("recovers a job whose worker was killed mid-job, indexing it exactly once", { timeout: 90_000 }, async () => {
    const admin = await createTestUser("admin");
    const code = `CR-${unique()}`;
    const text = handbook(code, 100); // two embedding batches
    const filename = `handbook-${code}.md`;
    const upload = await acceptUpload({ filename, bytes: Buffer.from(text), uploadedBy: admin.id });
    const versionId = upload.versionId;

    // A short lease so that recovery happens within the test. The delay follows each embedding
    // batch: the kill lands in the pause after the second, once the first is recorded as progress.
    const first = await startWorker({ INGEST_LEASE_SECONDS: "2", INGEST_TEST_DELAY_MS: "3000" });
    const midJob = await waitFor("the first worker to be mid-job", async () => {
      const [job] = await jobsOf([versionId]);
      return job?.status === "running" && job.lockedBy?.startsWith(first.id) && job.progress > 0 && job;
    });
    expect(midJob.versionStatus).toBe("processing");
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));

    const second = await startWorker({ INGEST_LEASE_SECONDS: "2" });
    const [done] = await waitFor("the job to finish", async () => {
      const jobs = await jobsOf([versionId]);
      return jobs[0]?.status === "done" && jobs;
    });
    expect(done).toMatchObject({ status: "done", attempts: 2, versionStatus: "ready", progress: 100 });
    expect(done!.lockedBy?.startsWith(second.id)).toBe(true);
    await expectIndexedOnce(versionId, text, filename);
    expect(await orphanEmbeddings()).toBe(0);
    const { rows } = await db().execute<{ current: string }>(sql`SELECT current_version_id AS current FROM documents WHERE id = ${upload.documentId}`);
    expect(rows[0]!.current).toBe(versionId);
  });

  it("shares a queue between two workers, each job processed exactly once", { timeout: 90_000 }, async () => {
    // Both workers are up before the queue fills, so both get a share of it.
    const workersUp = await Promise.all([startWorker({ INGEST_TEST_DELAY_MS: "300" }), startWorker({ INGEST_TEST_DELAY_MS: "300" })]);
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
      return rows.length === ids.length && rows.every((j) => j.status === "done" || j.status === "failed") && rows;
    });
    expect(jobs.map((j) => [j.status, j.versionStatus, j.attempts])).toEqual(ids.map(() => ["done", "ready", 1]));
    for (const doc of docs) await expectIndexedOnce(doc.versionId, doc.text, doc.filename);
    // Both took part: the queue really was shared, not drained by whichever started first.
    for (const w of workersUp) expect(jobs.some((j) => j.lockedBy?.startsWith(w.id))).toBe(true);
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
    expect(job).toMatchObject({ status: "failed", attempts: 1, versionStatus: "failed" });
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
    expect((await jobsOf([upload.versionId]))[0]).toMatchObject({ status: "queued", attempts: 1, versionStatus: "queued" });
    // Due now instead of in 5 s: the retry indexes it.
    await db().execute(sql`UPDATE ingest_jobs SET run_after = now() WHERE version_id = ${upload.versionId}`);
    await drainQueue();
    expect((await jobsOf([upload.versionId]))[0]).toMatchObject({ status: "done", attempts: 2, versionStatus: "ready" });
    await expectIndexedOnce(upload.versionId, text, `retry-${code}.md`);
  });
});
