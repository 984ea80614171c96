import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { sessionSettings } from "./search-settings";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
/** A database or an open transaction: every query takes one, so callers compose transactions. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "transaction" | "query">;

export function createDatabase(
  url: string,
  options: { max?: number; connectionTimeoutMillis?: number; onError?: (err: Error) => void } = {},
): { db: Database; pool: pg.Pool } {
  // The session settings travel in the startup packet: applied before the first query, no round trip.
  const sessionOptions = Object.entries(sessionSettings("server")).map(([name, value]) => `-c ${name}=${value}`).join(" ");
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: options.connectionTimeoutMillis, options: sessionOptions });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on("error", options.onError ?? ((err) => console.error("database pool error:", err.message)));
  // A client out of the pool (a transaction, a query in flight) loses the pool's listener, and
  // node-postgres emits its connection's death as an 'error' event: unheard, that crashed the worker
  // when the database went away mid-job. Its queries fail on their own and their callers handle
  // that; an idle client's error still reaches the pool's handler above.
  pool.on("connect", (client) => client.on("error", () => {}));
  return { db: drizzle(pool, { schema }), pool };
}
