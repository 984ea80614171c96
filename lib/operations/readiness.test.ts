import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { forgetWorker, recordWorkerHeartbeat } from "@/db/queries/health";
import { db } from "../db";
import { env } from "../env";
import { writeTempFiles } from "@/testing/temp-files";
import { readiness } from "./readiness";

const shippedJournal = fs.readFileSync(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8");
const workerId = `readiness-test-${randomUUID()}`;
afterAll(() => forgetWorker(db(), workerId));

describe("readiness on the test database", () => {
  it("is ready with migrations applied and a worker that just reported", async () => {
    await recordWorkerHeartbeat(db(), workerId);
    expect(await readiness(db(), { workerMaxAgeSeconds: 60 })).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", worker: "ok" } });
  });

  it("is not ready when the newest worker report is older than the limit", async () => {
    await recordWorkerHeartbeat(db(), workerId);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const result = await readiness(db(), { workerMaxAgeSeconds: 1 });
    expect(result).toMatchObject({ ready: false, checks: { worker: "stale" } });
    expect(result.reason).toMatch(/no ingest worker has reported for \d+ s \(limit 1 s\)/);
  });

  it("is not ready when the build ships a migration the database lacks", async () => {
    const journal = JSON.parse(shippedJournal) as { entries: { when: number; tag: string }[] };
    journal.entries.push({ when: Math.max(...journal.entries.map((e) => e.when)) + 1, tag: "9999_newer" });
    const folder = writeTempFiles("readiness-", { "meta/_journal.json": JSON.stringify(journal) });
    await recordWorkerHeartbeat(db(), workerId);
    const result = await readiness(db(), { workerMaxAgeSeconds: 60, migrationsFolder: folder });
    expect(result).toMatchObject({ ready: false, checks: { database: "ok", migrations: "pending", worker: "ok" } });
    expect(result.reason).toContain("migrations are not applied");
  });
});

describe("readiness of other databases", () => {
  it("is not ready when the database does not answer, and says only that", async () => {
    const { db: unreachable, pool } = createDatabase("postgres://nobody@127.0.0.1:1/none");
    try {
      expect(await readiness(unreachable, { workerMaxAgeSeconds: 60 })).toEqual({
        ready: false, reason: "database unreachable", checks: { database: "unreachable", migrations: "unknown", worker: "unknown" },
      });
    } finally {
      await pool.end();
    }
  });

  // A new database on the PostgreSQL test server: an in-memory PGlite takes 25 s to start on CI's machine.
  it.skipIf(!env().TEST_DATABASE_URL)("on a database never migrated: migrations pending, no worker", async () => {
    const name = `groundwork_ready_${process.pid}`;
    const admin = new pg.Client({ connectionString: env().TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(env().TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const fresh = createDatabase(url.toString(), { max: 1 });
    try {
      expect(await readiness(fresh.db, { workerMaxAgeSeconds: 60 })).toEqual({
        ready: false,
        reason: expect.stringMatching(/migrations are not applied.*no ingest worker has started/),
        checks: { database: "ok", migrations: "pending", worker: "missing" },
      });
    } finally {
      await fresh.pool.end();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    }
  });
});
