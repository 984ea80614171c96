import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";

/** A job of `queue` still to run (waiting, due for a retry, or running), matching `condition`. Reads pg-boss's job table, its SQL interface. */
export const liveJobIn = (queue: string, condition: SQL) =>
  sql`EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${queue} AND j.state IN ('created', 'retry', 'active') AND ${condition})`;

/** Whether `queue` holds a job still to run whose data contains `data`. */
export async function hasLiveJob(db: Executor, queue: string, data: object): Promise<boolean> {
  const { rows } = await db.execute<{ live: boolean }>(sql`SELECT ${liveJobIn(queue, sql`j.data @> ${JSON.stringify(data)}::jsonb`)} AS live`);
  return rows[0]!.live;
}
