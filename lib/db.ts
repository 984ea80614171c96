import { createDatabase, type Database } from "@/db/client";
import { ReadReplicas, type ReplicaSettings } from "@/db/read-replicas";
import { env } from "./env";
import { log } from "./log";

// An idle connection's error (the server restarting, a replica stopped) is logged, not thrown.
const onPoolError = (err: Error) => log().warn({ err }, "database pool error");

/**
 * The process's database, created on first use and cached on globalThis so that development
 * hot reloads do not open a new pool each time.
 */
const holder = globalThis as unknown as { groundworkDb?: Database; groundworkDbUrl?: string; groundworkReplicas?: ReadReplicas };

/** For command-line entry points that find or start their database before any query. */
export function useDatabase(url: string) {
  const database = createDatabase(url, { onError: onPoolError });
  holder.groundworkDb = database.db;
  holder.groundworkDbUrl = url;
  // Replicas read beside the primary they were made with: a new primary starts them afresh, or
  // retrieval would go on reading the old one (a closed pool, when a tool opens one database per set).
  void holder.groundworkReplicas?.close();
  holder.groundworkReplicas = undefined;
  return database;
}

/** The primary: writes, jobs, and every read that must see its own writes. */
export function db(): Database {
  if (!holder.groundworkDb) {
    const url = databaseUrl();
    holder.groundworkDb = createDatabase(url, { onError: onPoolError }).db;
    holder.groundworkDbUrl = url;
  }
  return holder.groundworkDb;
}

/** The primary's address, for clients with their own connections (the job queue). */
export function databaseUrl(): string {
  const url = holder.groundworkDbUrl ?? env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start Groundwork with `npm run dev` or `npm start`, which provide the embedded database.");
  return url;
}

/** Reads that tolerate the replicas' bounded lag (retrieval): DATABASE_READ_URLS, else the primary. */
export function readReplicas(): ReadReplicas {
  holder.groundworkReplicas ??= new ReadReplicas(db(), env().DATABASE_READ_URLS, {
    maxLagMs: env().READ_REPLICA_MAX_LAG_MS, checkEveryMs: env().READ_REPLICA_CHECK_MS,
  });
  return holder.groundworkReplicas;
}

/** For tests and command-line entry points: read from these replicas from now on. */
export async function useReadReplicas(urls: string[], settings: ReplicaSettings): Promise<ReadReplicas> {
  await holder.groundworkReplicas?.close();
  holder.groundworkReplicas = new ReadReplicas(db(), urls, settings);
  return holder.groundworkReplicas;
}
