import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * Counts one hit against `key` in a fixed window, in a single statement so that concurrent
 * processes never lose a count. Returns the count in the current window and when it ends.
 */
export async function hit(db: Executor, key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const { rows } = await db.execute<{ count: number; reset_at: Date | string }>(sql`
    INSERT INTO rate_limits AS r (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN r.window_start <= now() - ${window} THEN 1 ELSE r.count + 1 END,
      window_start = CASE WHEN r.window_start <= now() - ${window} THEN now() ELSE r.window_start END
    RETURNING count, window_start + ${window} AS reset_at`);
  const row = rows[0]!;
  return { count: Number(row.count), resetAt: new Date(row.reset_at) };
}

/** The count in the current window without adding to it. */
export async function peek(db: Executor, key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const { rows } = await db.execute<{ count: number; reset_at: Date | string }>(sql`
    SELECT count, window_start + make_interval(secs => ${windowSeconds}) AS reset_at FROM rate_limits
    WHERE key = ${key} AND window_start > now() - make_interval(secs => ${windowSeconds})`);
  const row = rows[0];
  return row ? { count: Number(row.count), resetAt: new Date(row.reset_at) } : { count: 0, resetAt: new Date() };
}

export async function clearLimit(db: Executor, key: string) {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

/**
 * Takes a streaming slot for the user if fewer than `max` live ones exist. The per-user advisory
 * lock makes check-and-insert atomic across processes; expired slots (a crashed process) are
 * swept first so they never block the user for longer than `ttlSeconds`.
 */
export async function acquireStreamSlot(db: Executor, userId: string, max: number, ttlSeconds: number): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(42420004, hashtext(${userId}))`);
    // After the lock, in a statement of its own: its snapshot sees every slot committed before.
    const inserted = await tx.execute<{ id: string }>(sql`
      WITH swept AS (DELETE FROM stream_slots WHERE user_id = ${userId} AND expires_at <= now())
      INSERT INTO stream_slots (user_id, expires_at)
      SELECT ${userId}, now() + make_interval(secs => ${ttlSeconds})
      WHERE (SELECT count(*) FROM stream_slots WHERE user_id = ${userId} AND expires_at > now()) < ${max}
      RETURNING id`);
    return inserted.rows[0]?.id ?? null;
  });
}

export async function releaseStreamSlot(db: Executor, id: string) {
  await db.execute(sql`DELETE FROM stream_slots WHERE id = ${id}`);
}

/** Takes back one counted hit (e.g. a sign-in that turned out to be legitimate). */
export async function refund(db: Executor, key: string) {
  await db.execute(sql`UPDATE rate_limits SET count = greatest(count - 1, 0) WHERE key = ${key}`);
}

/** Forgets counters whose window ended long ago, so one row per past key does not pile up. */
export async function pruneLimits(db: Executor, olderThanSeconds: number) {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => ${olderThanSeconds})`);
}
