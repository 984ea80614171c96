import pg from "pg";

/**
 * Autovacuum's ANALYZE for the embedded database. PGlite runs no background workers, so nothing
 * ever gathers its planner statistics: every table keeps the planner's default guesses however
 * much it holds. On 3,000 chunks that made the keyword leg score each readable chunk's BM25 one by
 * one (about 0.2 ms each, 500-800 ms a question) instead of walking the BM25 index, and the HNSW
 * plan took 500 ms too; with statistics both took 10-60 ms (docs/retrieval-speed.md).
 *
 * A table is analyzed when autovacuum would analyze it (PostgreSQL's defaults: more than
 * 50 + 10% of its rows changed since its last ANALYZE), or when it holds data but was never
 * analyzed (the change counters are lost when PGlite stops without writing them). ANALYZE reads
 * a bounded sample (30,000 rows), so it costs little even on a large table; it runs as a client
 * of the embedded server, so it takes its turn between other clients' queries.
 */
const STALE_TABLES = `
  SELECT format('%I.%I', s.schemaname, s.relname) AS name FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
     OR (c.reltuples < 0 AND s.last_analyze IS NULL AND pg_relation_size(c.oid) > 0)`;

/** ANALYZEs the tables whose statistics are stale; returns their names. */
export async function analyzeStaleTables(client: Pick<pg.ClientBase, "query">): Promise<string[]> {
  // The session reports its change counts when idle, at most once a second; counts still unreported
  // when ANALYZE resets them would make the table look stale again. Reported first, then read.
  await client.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await client.query<{ name: string }>(STALE_TABLES);
  for (const { name } of rows) await client.query(`ANALYZE ${name}`);
  return rows.map((r) => r.name);
}

/** How often the embedded server looks for stale statistics (autovacuum's default naptime is a minute). */
export const STATISTICS_INTERVAL_MS = 30_000;

/**
 * Analyzes stale tables now (a restarted install is planned with statistics from its first
 * question), then every `intervalMs` while the server runs.
 */
export async function keepStatisticsFresh(url: string, intervalMs = STATISTICS_INTERVAL_MS): Promise<{ stop(): Promise<void> }> {
  let running: Promise<unknown> = Promise.resolve();
  const pass = async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await analyzeStaleTables(client);
    } catch (err) {
      // Statistics only make plans faster: a failed pass is retried at the next interval.
      console.error("embedded database statistics:", err instanceof Error ? err.message : String(err));
    } finally {
      await client.end().catch(() => {});
    }
  };
  await (running = pass());
  const timer = setInterval(() => {
    running = running.then(pass);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
