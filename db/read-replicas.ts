import { sql } from "drizzle-orm";
import type pg from "pg";
import { createDatabase, type Database } from "./client";

/**
 * Which server answered a read, for the retrieval trace: a replica by its host and port (never its
 * credentials), or the primary, with why when replicas are configured.
 */
export interface ServedBy {
  server: "primary" | "replica";
  name?: string;
  /** Why the primary answered although replicas are configured: each replica's reason. */
  fallback?: string;
}

export interface ReplicaSettings {
  /** A replica further behind the primary than this is not read from. */
  maxLagMs: number;
  /** Each replica's lag is measured at most this often (lazily, by the reads), not per query. */
  checkEveryMs: number;
}

interface Replica {
  name: string;
  db: Database;
  pool: pg.Pool;
  /** null until the first check has answered. */
  usable: boolean | null;
  reason: string;
  checkedAt: number;
  checking?: Promise<void>;
}

/** Errors that say the server is gone (refused, reset, shut down), not that the query was wrong. */
const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "ENOENT", "57P01", "57P02", "57P03"]);

function isConnectionError(err: unknown): boolean {
  for (let e = err as { code?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code && (CONNECTION_ERRORS.has(e.code) || e.code.startsWith("08"))) return true;
    if (/Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(e.message ?? "")) return true;
  }
  return false;
}

const messageOf = (err: unknown) => {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
};

/** host:port of a connection URL (the socket directory when it is given as ?host=). */
function serverName(url: string): string {
  const u = new URL(url);
  return `${u.searchParams.get("host") ?? u.hostname}:${u.port || "5432"}`;
}

/**
 * Reads that tolerate a few seconds' lag (retrieval) go to a streaming replica; everything else
 * uses the primary directly. A replica is read from while its last check found it in recovery and
 * no further behind than maxLagMs; a read that fails on it for any reason is run again on the
 * primary (reads are safe to repeat), and a connection failure also takes the replica out until
 * its next check. Employees notice nothing but the primary's extra load.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private next = 0;

  constructor(private readonly primary: Database, urls: string[], private readonly settings: ReplicaSettings) {
    this.replicas = urls.map((url) => ({
      name: serverName(url),
      // A replica that does not answer is given up on quickly: the primary can.
      ...createDatabase(url, { connectionTimeoutMillis: 2000 }),
      usable: null,
      reason: "not checked yet",
      checkedAt: 0,
    }));
  }

  /** Runs a read-only `work` on a current replica, or on the primary; says which answered. */
  async read<T>(work: (db: Database) => Promise<T>): Promise<{ value: T; servedBy: ServedBy }> {
    if (this.replicas.length === 0) return { value: await work(this.primary), servedBy: { server: "primary" } };
    await this.refresh();
    const usable = this.replicas.filter((r) => r.usable);
    const replica = usable[this.next++ % Math.max(usable.length, 1)];
    if (!replica) return this.onPrimary(work, this.replicas.map((r) => `${r.name} ${r.reason}`).join("; "));
    try {
      return { value: await work(replica.db), servedBy: { server: "replica", name: replica.name } };
    } catch (err) {
      const reason = `failed (${messageOf(err)})`;
      if (isConnectionError(err)) Object.assign(replica, { usable: false, reason: "unreachable", checkedAt: Date.now() });
      return this.onPrimary(work, `${replica.name} ${reason}`);
    }
  }

  async close() {
    await Promise.all(this.replicas.map((r) => r.pool.end()));
  }

  private async onPrimary<T>(work: (db: Database) => Promise<T>, fallback: string) {
    return { value: await work(this.primary), servedBy: { server: "primary" as const, fallback } };
  }

  /**
   * Checks the replicas whose last check is older than checkEveryMs. A read waits only for a
   * replica's first check; later checks run beside the reads, which use the last known state.
   */
  private async refresh() {
    const now = Date.now();
    const stale = this.replicas.filter((r) => !r.checking && now - r.checkedAt >= this.settings.checkEveryMs);
    for (const replica of stale) {
      replica.checking = this.check(replica).finally(() => (replica.checking = undefined));
    }
    await Promise.all(this.replicas.filter((r) => r.usable === null && r.checking).map((r) => r.checking));
  }

  private async check(replica: Replica) {
    try {
      const lagMs = await replicaLagMs(this.primary, replica.db);
      const usable = lagMs !== null && lagMs <= this.settings.maxLagMs;
      const reason = lagMs === null ? "is not in recovery (not a standby, or promoted)" : usable ? `lags ${Math.round(lagMs)} ms`
        : `lags ${lagMs === Infinity ? "by an unknown time" : `${(lagMs / 1000).toFixed(1)} s`} (bound ${this.settings.maxLagMs} ms)`;
      Object.assign(replica, { usable, reason, checkedAt: Date.now() });
    } catch (err) {
      Object.assign(replica, { usable: false, reason: `unreachable (${messageOf(err)})`, checkedAt: Date.now() });
    }
  }
}

/**
 * How far a replica is behind the primary, in milliseconds; null when it is not a standby. The
 * primary's WAL position is read first: a replica that has replayed up to it is current (0), even
 * on an idle primary whose last commit is old. Otherwise the lag is the age of the last commit the
 * replica replayed, which on an idle-then-busy primary can overstate it: the safe side.
 */
async function replicaLagMs(primary: Database, replica: Database): Promise<number | null> {
  const { rows: [position] } = await primary.execute<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
  const { rows: [state] } = await replica.execute<{ standby: boolean; caught_up: boolean | null; since_commit_ms: number | null }>(sql`
    SELECT pg_is_in_recovery() AS standby,
      pg_last_wal_replay_lsn() >= ${position!.lsn}::pg_lsn AS caught_up,
      (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS since_commit_ms`);
  if (!state?.standby) return null;
  if (state.caught_up) return 0;
  return state.since_commit_ms === null ? Infinity : Math.max(0, Number(state.since_commit_ms));
}
