import fs from "node:fs";
import path from "node:path";
import type { Executor } from "@/db/client";
import { latestAppliedMigration, latestHeartbeatAge } from "@/db/queries/health";
import { log } from "../log";

export interface Readiness {
  ready: boolean;
  /** Why not, in words an operator can act on; absent when ready. */
  reason?: string;
  checks: { database: "ok" | "unreachable"; migrations: "ok" | "pending" | "unknown"; worker: "ok" | "missing" | "stale" | "unknown" };
}

/** The newest migration this build ships (drizzle's journal), read once: it cannot change while running. */
const shipped = new Map<string, number>();
function newestShippedMigration(migrationsFolder: string): number {
  if (!shipped.has(migrationsFolder)) {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: { when: number }[] };
    shipped.set(migrationsFolder, Math.max(...journal.entries.map((entry) => entry.when)));
  }
  return shipped.get(migrationsFolder)!;
}

/**
 * Whether this instance should get traffic: the database answers, every migration this build ships
 * is applied (an old schema would fail queries at random), and some worker has beaten within
 * `workerMaxAgeSeconds` (without one, uploads queue and never finish).
 */
export async function readiness(db: Executor, { workerMaxAgeSeconds, migrationsFolder = path.join(process.cwd(), "drizzle") }: { workerMaxAgeSeconds: number; migrationsFolder?: string }): Promise<Readiness> {
  let applied: number | null;
  let heartbeatAge: number | null;
  try {
    [applied, heartbeatAge] = await Promise.all([latestAppliedMigration(db), latestHeartbeatAge(db)]);
  } catch (err) {
    // The detail (host, port) goes to the log, not to an anonymous caller.
    log().warn({ err }, "readiness: database unreachable");
    return { ready: false, reason: "database unreachable", checks: { database: "unreachable", migrations: "unknown", worker: "unknown" } };
  }
  const migrations = applied !== null && applied >= newestShippedMigration(migrationsFolder) ? "ok" : "pending";
  const worker = heartbeatAge === null ? "missing" : heartbeatAge <= workerMaxAgeSeconds ? "ok" : "stale";
  const reasons = [
    migrations === "pending" && "database migrations are not applied (run `npm run db:migrate`, or start with `npm start`)",
    worker === "missing" && "no ingest worker has started (run `npm run worker`, or INGEST_WORKER=inline)",
    worker === "stale" && `no ingest worker has reported for ${Math.round(heartbeatAge!)} s (limit ${workerMaxAgeSeconds} s)`,
  ].filter((r): r is string => Boolean(r));
  return { ready: reasons.length === 0, ...(reasons.length > 0 && { reason: reasons.join("; ") }), checks: { database: "ok", migrations, worker } };
}
