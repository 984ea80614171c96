import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";

/** How failed sign-ins slow down the next attempt for one key (an account or an address). */
export interface DelayPolicy {
  /** Failures that cost no wait at all (typos). */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
  /** After this long without a failure, counting starts again from zero. */
  forgetSeconds: number;
}

/** The wait, as an interval, that `failures` failures have earned (the exponent is capped so 2^n never overflows). */
function delayAfter(failures: SQL, p: DelayPolicy): SQL {
  return sql`make_interval(secs => CASE WHEN ${failures} <= ${p.freeFailures} THEN 0
    ELSE least(${p.maxMs}::float8, ${p.baseMs}::float8 * power(2, least(${failures} - ${p.freeFailures} - 1, 40))) / 1000 END)`;
}

/**
 * Takes the key's next attempt if its wait has passed, counting it as a failure until it proves
 * otherwise (so parallel guesses are counted before any password is checked). One statement, so
 * concurrent processes never both take the same slot. Returns null when taken, else the
 * milliseconds left to wait; an attempt refused here is not counted, so hammering never extends it.
 *
 * Times are read from the clock when the row is reached (`clock_timestamp()`), not as of the
 * transaction's start (`now()`): of two parallel attempts, the one whose transaction began first
 * may reach the row second, and by its own earlier start a free failure's wait, which ends at the
 * other's, had not yet passed ("try again in 1 second" for a typo).
 */
export async function takeAttempt(db: Executor, key: string, p: DelayPolicy): Promise<number | null> {
  const next = sql`CASE WHEN f.last_failure_at <= clock_timestamp() - make_interval(secs => ${p.forgetSeconds}) THEN 1 ELSE f.failures + 1 END`;
  const { rows } = await db.execute<{ taken: boolean; wait_ms: number | string | null }>(sql`
    WITH taken AS (
      INSERT INTO sign_in_failures AS f (key, failures, retry_at, last_failure_at)
      VALUES (${key}, 1, clock_timestamp() + ${delayAfter(sql`1`, p)}, clock_timestamp())
      ON CONFLICT (key) DO UPDATE SET failures = ${next}, retry_at = clock_timestamp() + ${delayAfter(next, p)}
      WHERE f.retry_at <= clock_timestamp()
      RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM taken) AS taken,
      (SELECT greatest(1, ceil(extract(epoch FROM retry_at - clock_timestamp()) * 1000)) FROM sign_in_failures WHERE key = ${key}) AS wait_ms`);
  const row = rows[0]!;
  return row.taken ? null : Number(row.wait_ms ?? 1);
}

/**
 * The attempt failed: its wait runs from now, not from when it was taken, so the time spent
 * checking the password does not eat into it.
 */
export async function restartWait(db: Executor, key: string, p: DelayPolicy) {
  await db.execute(sql`
    UPDATE sign_in_failures AS f SET retry_at = greatest(f.retry_at, clock_timestamp() + ${delayAfter(sql`f.failures`, p)}), last_failure_at = clock_timestamp()
    WHERE key = ${key}`);
}

/** The attempt succeeded: the key starts afresh. */
export async function clearFailures(db: Executor, key: string) {
  await db.execute(sql`DELETE FROM sign_in_failures WHERE key = ${key}`);
}

/**
 * The attempt succeeded: take back its count and the wait it set, back to the wait the last real
 * failure earned (taking an attempt never moves `last_failure_at`).
 */
export async function refundAttempt(db: Executor, key: string, p: DelayPolicy) {
  const previous = sql`greatest(f.failures - 1, 0)`;
  await db.execute(sql`
    UPDATE sign_in_failures AS f SET failures = ${previous}, retry_at = least(f.retry_at, f.last_failure_at + ${delayAfter(previous, p)})
    WHERE key = ${key}`);
}

/** Forgets keys whose failures are past remembering, so rows do not pile up. */
export async function pruneFailures(db: Executor, forgetSeconds: number) {
  await db.execute(sql`
    DELETE FROM sign_in_failures WHERE retry_at < clock_timestamp() AND last_failure_at < clock_timestamp() - make_interval(secs => ${forgetSeconds})`);
}
