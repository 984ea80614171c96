import type { Database } from "./client";

/**
 * How long a process keeps a cached read before reading again: the bound on how late a change
 * made by another process (another web server, the worker) is seen. A change made through this
 * process's own queries is seen at once (forgetCachedReads).
 */
export const CACHED_READ_TTL_MS = 2_000;

export interface CachedRead<T> {
  /** The value, read at most once per CACHED_READ_TTL_MS per database (nulls and failures are not kept). */
  get(db: Database): Promise<T>;
}

// Per database: a process may hold several (an evaluation's scratch database beside the app's).
// Replaced, not cleared, on a change: a read still in flight then fills a map no one reads.
// The set is kept on globalThis, like the database (lib/db.ts): Next bundles this module once per
// entry, and a rollback made by an admin page's server action must clear the chat route's copy too.
type Cache = { entries: WeakMap<Database, { value: Promise<unknown>; at: number }> };
const holder = globalThis as unknown as { groundworkCachedReads?: Set<Cache> };
const caches = (holder.groundworkCachedReads ??= new Set<Cache>());

/**
 * Rows every answer reads and admins rarely change (the active model, embedder and spec). Only
 * for reads outside a transaction: one that wrote them must read them itself.
 */
export function cachedRead<T>(read: (db: Database) => Promise<T>): CachedRead<T> {
  const cache: Cache = { entries: new WeakMap() };
  caches.add(cache);
  return {
    get(db) {
      const entries = cache.entries;
      const hit = entries.get(db);
      if (hit && Date.now() - hit.at < CACHED_READ_TTL_MS) return hit.value as Promise<T>;
      const entry = { value: read(db), at: Date.now() };
      entries.set(db, entry);
      const drop = () => entries.get(db) === entry && entries.delete(db);
      entry.value.then((value) => value ?? drop(), drop);
      return entry.value as Promise<T>;
    },
  };
}

/**
 * Called by every query that changes what a cached read returns, and again by a caller whose
 * transaction wraps it, once that commits: a read between the write and the commit would have
 * kept the old row.
 */
export function forgetCachedReads() {
  for (const cache of caches) cache.entries = new WeakMap();
}
