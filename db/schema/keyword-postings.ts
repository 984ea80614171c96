import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, real, smallint, text, uuid } from "drizzle-orm/pg-core";
import { chunks } from "./documents";

/*
 * BM25 for PostgreSQL servers without pg_textsearch. Triggers on `chunks` (drizzle/0007, created
 * only where pg_textsearch is absent) keep these tables in step with every insert and delete, in
 * the same transaction, from the chunk's own `tsv` lexemes; the keyword leg reads them
 * (db/queries/retrieval.ts). Where pg_textsearch is installed they stay empty.
 */

/** One row per (chunk, lexeme): an impact-ordered inverted index. */
export const chunkTerms = pgTable(
  "chunk_terms",
  {
    chunkId: uuid("chunk_id").notNull().references(() => chunks.id, { onDelete: "cascade" }),
    term: text("term").notNull(),
    /**
     * BM25's term-frequency part, tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl)) with k1 1.2, b 0.75
     * and avgdl as it stood when the chunk was written. The idf factor is applied at query time,
     * so walking one term's postings by this weight walks them in score order.
     */
    weight: real("weight").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chunkId, t.term] }),
    index("chunk_terms_term_weight_idx").on(t.term, t.weight.desc(), t.chunkId),
  ],
);

/** Document frequency per lexeme, for BM25's idf. */
export const keywordTerms = pgTable("keyword_terms", {
  term: text("term").primaryKey(),
  df: integer("df").notNull(),
});

/** The single row of corpus totals: chunks with lexemes, and their lexeme count (avgdl = lexemes / chunks). */
export const keywordStats = pgTable(
  "keyword_stats",
  {
    id: smallint("id").primaryKey().default(1),
    chunks: bigint("chunks", { mode: "number" }).notNull().default(0),
    lexemes: bigint("lexemes", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("keyword_stats_single_row", sql`${t.id} = 1`)],
);
