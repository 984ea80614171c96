/**
 * Behaviour evaluations started from the models page run in the background, as jobs in the queue:
 * the run is recorded at once with its number of cases, a worker answers them, and a run whose
 * worker keeps dying, or whose model cannot answer, ends failed with a reason rather than
 * "running" for ever.
 */
import { randomUUID } from "node:crypto";
import net from "node:net";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findEvalRun, runResults } from "@/db/queries/eval-runs";
import { BUILTIN_MODEL_NAME, findRegistryModel } from "../../ai/registry";
import { db } from "../../db";
import { EVAL_RETRY_LIMIT, jobQueue, queues, runOneJob } from "../../jobs/queue";
import { createTestUser } from "@/testing/fixtures";
import { registerBaseModel } from "../promotion";
import { abandonEval, queueBehaviourEval, runQueuedEval } from "./run";

/** The run's job, as the queue holds it. */
async function jobOf(runId: string) {
  const { rows } = await db().execute<{ state: string; retryCount: number }>(sql`
    SELECT state::text AS state, retry_count AS "retryCount" FROM pgboss.job WHERE name = ${queues.behaviourEval} AND data->>'runId' = ${runId}`);
  return rows[0];
}

/** A port nothing listens on any more: every request to it is refused. */
async function closedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs due evaluation jobs (and abandonments), as a worker would, until there are none. */
async function work() {
  while ((await runOneJob(queues.behaviourEvalFailed, abandonEval)) || (await runOneJob(queues.behaviourEval, runQueuedEval))) {
    // keep going
  }
}

describe("behaviour evaluations in the background", () => {
  it("records the run at once, then a worker answers every case and stores the results", async () => {
    const admin = await createTestUser("admin");
    const builtin = (await findRegistryModel(BUILTIN_MODEL_NAME))!;
    const { run, modelName } = await queueBehaviourEval({ modelId: builtin.id, createdBy: admin.id });
    expect(modelName).toBe(BUILTIN_MODEL_NAME);
    expect(run).toMatchObject({ status: "running", casesDone: 0 });
    expect(run.casesTotal).toBeGreaterThan(20);
    expect(await jobOf(run.id)).toMatchObject({ state: "created" });

    await work();
    const done = (await findEvalRun(db(), run.id))!;
    expect(done).toMatchObject({ status: "done", casesDone: run.casesTotal, error: null });
    expect(await runResults(db(), run.id)).toHaveLength(run.casesTotal);
    expect(await jobOf(run.id)).toMatchObject({ state: "completed", retryCount: 0 });
  });

  it("fails the run with the reason when the model cannot answer, without retrying it", async () => {
    const admin = await createTestUser("admin");
    const unreachable = await registerBaseModel(admin, { name: `gone-${randomUUID().slice(0, 6)}`, provider: "openai-compatible", model: "gone", baseUrl: `http://127.0.0.1:${await closedPort()}/v1` });
    const { run } = await queueBehaviourEval({ modelId: unreachable.id });
    await work();
    const failed = (await findEvalRun(db(), run.id))!;
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(new RegExp(`^Evaluating ${unreachable.name} failed: .*Check that the model \\(and judge\\) endpoint is reachable`));
    expect(await runResults(db(), run.id)).toEqual([]);
    expect(await jobOf(run.id)).toMatchObject({ state: "completed", retryCount: 0 });
  });

  it("fails a run whose workers kept dying, instead of leaving it running", async () => {
    const builtin = (await findRegistryModel(BUILTIN_MODEL_NAME))!;
    const { run } = await queueBehaviourEval({ modelId: builtin.id });
    const boss = await jobQueue();
    // Each attempt is taken and dies: settled as failed, as the supervisor does when a heartbeat stops.
    for (let attempt = 0; attempt <= EVAL_RETRY_LIMIT; attempt++) {
      await db().execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${queues.behaviourEval} AND data->>'runId' = ${run.id}`);
      const [job] = await boss.fetch<{ runId: string }>(queues.behaviourEval);
      expect(job?.data.runId).toBe(run.id);
      await boss.fail(queues.behaviourEval, job!, { message: "worker died" });
    }
    expect(await jobOf(run.id)).toMatchObject({ state: "failed" });
    await work();
    expect(await findEvalRun(db(), run.id)).toMatchObject({
      status: "failed",
      error: "The evaluation stopped responding repeatedly and was abandoned. Run it again.",
    });
  });
});
