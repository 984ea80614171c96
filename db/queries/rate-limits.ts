import { randomUUID } from "node:crypto";
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

/** A slot taken by acquireStreamSlot: what releases it. */
export interface StreamSlot {
  userId: string;
  id: string;
}

/** The user's slots that still count, as a jsonb array (`held` is the row's column). */
const live = sql`(SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(s.held) e WHERE (e->>'until')::timestamptz > now())`;

/**
 * Takes a streaming slot for the user if fewer than `max` live ones are held, in one statement (it
 * is on the way to every answer's first token). Concurrent requests of one user queue on the user's
 * row, and each checks the row as the one before left it (an upsert's update re-reads the row it
 * waited for), so at most `max` are ever held. Slots left by a crashed process are dropped as they
 * expire, so they never block the user for longer than `ttlSeconds`.
 */
export async function acquireStreamSlot(db: Executor, userId: string, max: number, ttlSeconds: number): Promise<StreamSlot | null> {
  const slot = { userId, id: randomUUID() };
  const held = sql`jsonb_build_array(jsonb_build_object('id', ${slot.id}::text, 'until', now() + make_interval(secs => ${ttlSeconds})))`;
  const { rows } = await db.execute(sql`
    INSERT INTO stream_slots AS s (user_id, held) SELECT ${userId}, ${held} WHERE ${max} > 0
    ON CONFLICT (user_id) DO UPDATE SET held = ${live} || ${held}
    WHERE jsonb_array_length(${live}) < ${max}
    RETURNING 1`);
  return rows.length > 0 ? slot : null;
}

export async function releaseStreamSlot(db: Executor, slot: StreamSlot) {
  await db.execute(sql`
    UPDATE stream_slots s SET held = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(s.held) e WHERE e->>'id' <> ${slot.id})
    WHERE user_id = ${slot.userId}`);
}

/** Slots still counting, across users: what a benchmark checks is back to none once answers end. */
export async function liveStreamSlots(db: Executor): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`SELECT coalesce(sum(jsonb_array_length(${live})), 0)::int AS n FROM stream_slots s`);
  return Number(rows[0]!.n);
}

/** Takes back one counted hit (e.g. a sign-in that turned out to be legitimate). */
export async function refund(db: Executor, key: string) {
  await db.execute(sql`UPDATE rate_limits SET count = greatest(count - 1, 0) WHERE key = ${key}`);
}

/** Forgets counters whose window ended long ago, so one row per past key does not pile up. */
export async function pruneLimits(db: Executor, olderThanSeconds: number) {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => ${olderThanSeconds})`);
}
