import { eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { workerHeartbeats } from "../schema";

/** Records that `workerId` is alive, and forgets workers silent for a day (restarts leave rows). */
export async function recordWorkerHeartbeat(db: Executor, workerId: string) {
  await db.insert(workerHeartbeats).values({ workerId }).onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { beatAt: sql`now()` } });
  await db.delete(workerHeartbeats).where(lt(workerHeartbeats.beatAt, sql`now() - interval '1 day'`));
}

/** A stopping worker says so, so that readiness does not count it for the rest of its window. */
export async function forgetWorker(db: Executor, workerId: string) {
  await db.delete(workerHeartbeats).where(eq(workerHeartbeats.workerId, workerId));
}

/** Seconds since the most recent heartbeat of any worker, by the database's clock; null if none (or no table yet). */
export async function latestHeartbeatAge(db: Executor): Promise<number | null> {
  if (!(await tableExists(db, "public.worker_heartbeats"))) return null;
  const result = await db.execute<{ age: number | null }>(sql`SELECT extract(epoch FROM now() - max(beat_at))::float8 AS age FROM worker_heartbeats`);
  return result.rows[0]?.age ?? null;
}

/**
 * The creation time (the journal's `when`) of the newest migration applied, as drizzle records it;
 * null before any. drizzle applies a migration when its `when` is newer than this.
 */
export async function latestAppliedMigration(db: Executor): Promise<number | null> {
  if (!(await tableExists(db, "drizzle.__drizzle_migrations"))) return null;
  const result = await db.execute<{ latest: string | null }>(sql`SELECT max(created_at)::text AS latest FROM drizzle.__drizzle_migrations`);
  const latest = result.rows[0]?.latest;
  return latest == null ? null : Number(latest);
}

/** A database not migrated yet lacks the tables, and a query naming a missing table fails to plan. */
async function tableExists(db: Executor, name: string): Promise<boolean> {
  const result = await db.execute<{ exists: boolean }>(sql`SELECT to_regclass(${name}) IS NOT NULL AS exists`);
  return result.rows[0]?.exists === true;
}
