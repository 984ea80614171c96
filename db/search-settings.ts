/*
 * The settings every database session starts with, and the vector leg's defaults they come from.
 * Here rather than beside the queries because the connection code applies them (db/client.ts for
 * a server, db/embedded-server.ts for PGlite's one shared session).
 */

/** How the vector leg searches; the defaults were chosen by `npm run bench:retrieval` (docs/retrieval.md, "Retrieval at scale"). */
export interface VectorSearchSettings {
  /** HNSW candidate list per scan step: higher is slower and closer to exact. */
  efSearch: number;
  /** Iterative scans stop after visiting this many tuples (pgvector 0.8), so a filter that matches almost nothing cannot scan the whole graph. */
  maxScanTuples: number;
  /**
   * The most readable chunks for which an exact scan of just those chunks is chosen (it is exact; a
   * filtered graph walk loses recall for a narrow reader). Below it the plan is chosen by cost
   * (exactPlanLimit in db/queries/retrieval.ts).
   */
  exactScanBelow: number;
}

// ef_search and the index's m / ef_construction (VECTOR_INDEX in db/queries/retrieval.ts) by
// measurement: recall@10 against an exact scan on a replicated corpus full of near-duplicates (the
// hard case), 100k chunks, 50 questions, and the vector leg's p50, PostgreSQL halfvec
// (npm run bench:retrieval -- --db postgres --m M --ef-construction C --ef-search A,B --recall-queries 50):
// - m 16 / ef_construction 64: 0.948 / 0.966 / 0.992 at ef_search 200 / 400 / 800 (7.8 / 12.0 / 20.4 ms);
// - m 24 / 100: 0.978 / 0.988 at 200 / 250 (11.8 / 13.8 ms);
// - m 24 / 150: 0.976 / 0.986 / 0.988 at 150 / 200 / 250 (10.8 / 12.5 / 16.1 ms);
// - m 32 / 100: 0.960 / 0.986 at 100 / 150 (11.2 / 13.2 ms).
// Later, on 150 held-out (test) questions: m 32 / 256 0.978 / 0.981 at 150 / 200 (10.7 / 12.0 ms),
// m 24 / 150 0.979 / 0.981 at 200 / 250 (9.7 / 11.8 ms): a denser graph buys no recall per millisecond.
// m 24 / 150 at 200 is past the 0.98 goal in the time m 16 took to reach 0.966; the price is the
// build (133 s against 30 s for 100k on PostgreSQL). On PGlite (vector, not halfvec) m 16 / 64 at
// 400 found 0.950 in 30 ms, m 24 / 100 at 200 0.978 in 30 ms. A filtered graph walk for a 1% reader
// reached only 0.84-0.98 at any ef_search and took 9x longer than an exact scan of its readable
// chunks.
// exactScanBelow bounds the cost model (exactPlanLimit), which reaches it only from about 600,000
// vectors on PGlite and 1.2 million on a server. It was 5,000, which at a million chunks overrode the
// model's 27,000 and sent a reader of 1% (10,000 chunks) to the filtered walks: its retrieval took
// 263 / 447 ms (p50 / p95) for a vector recall of 0.63, against 162 / 327 ms and recall 1 with its
// chunks scored exactly (docs/retrieval-speed.md, "The 1% reader of a million chunks").
export const VECTOR_SEARCH: VectorSearchSettings = { efSearch: 200, maxScanTuples: 20_000, exactScanBelow: 30_000 };

// PGlite's graph (vector, not halfvec) needs a longer candidate list for the same recall, and with
// its buffer cache sized for the data (db/embedded-server.ts) it can afford one. 100k chunks, 50
// test questions, the benchmark after a restart with a 1 GB cache: recall@10 0.966 and hybrid p95
// 24.8 ms at ef_search 200; at 400 0.988 and 36.1 ms (goals 0.98 and 40 ms). On a persistent
// corpus, 100 test questions: 0.975 / 0.978 / 0.991 / 0.996 at 200 / 300 / 400 / 600.
/** The embedded database's vector search: VECTOR_SEARCH but for ef_search. */
export const EMBEDDED_VECTOR_SEARCH: VectorSearchSettings = { ...VECTOR_SEARCH, efSearch: 400 };

/** A server (db/client.ts) or the embedded PGlite (db/embedded-server.ts). */
export type DatabaseKind = "server" | "embedded";

/** The vector search defaults for a kind of database (the benchmark changes them). */
export const vectorSearchDefaults = (kind: DatabaseKind): VectorSearchSettings => (kind === "server" ? VECTOR_SEARCH : EMBEDDED_VECTOR_SEARCH);

/** The index settings every connection of a kind starts with, fixed at startup. */
export const SESSION_VECTOR_SEARCH: Readonly<Record<DatabaseKind, Readonly<VectorSearchSettings>>> = Object.freeze({
  server: Object.freeze({ ...VECTOR_SEARCH }),
  embedded: Object.freeze({ ...EMBEDDED_VECTOR_SEARCH }),
});

/**
 * What every session starts with (db/client.ts, db/embedded-server.ts): JIT off (compiling costs
 * tens of milliseconds, more than these queries take to run) and the vector leg's index settings,
 * so a search needs no transaction of its own to set them. pgvector adopts them when it loads.
 */
export function sessionSettings(kind: DatabaseKind): Record<string, string> {
  return {
    jit: "off",
    "hnsw.iterative_scan": "relaxed_order",
    "hnsw.ef_search": String(SESSION_VECTOR_SEARCH[kind].efSearch),
    "hnsw.max_scan_tuples": String(SESSION_VECTOR_SEARCH[kind].maxScanTuples),
  };
}
