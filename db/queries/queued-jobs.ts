import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * Whether `queue` holds a job still to run (waiting, due for a retry, or running) whose data
 * contains `data`. Reads pg-boss's job table, its SQL interface.
 */
export async function hasLiveJob(db: Executor, queue: string, data: object): Promise<boolean> {
  const { rows } = await db.execute(sql`
    SELECT 1 FROM pgboss.job WHERE name = ${queue} AND data @> ${JSON.stringify(data)}::jsonb AND state IN ('created', 'retry', 'active') LIMIT 1`);
  return rows.length > 0;
}
