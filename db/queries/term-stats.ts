import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/** Document frequencies are counted up to this: beyond it a word is common, and exactness buys nothing. */
export const DF_CAP = 5000;

export interface TermStats {
  /** Chunks in the index. */
  chunks: number;
  /** Word (as asked) -> chunks containing its lexeme, at most DF_CAP; absent for words with no lexeme (stopwords). */
  df: Map<string, number>;
}

/**
 * How many chunks contain each word, from the full-text index (PostgreSQL's English lexemes, the
 * same Snowball stems the answerer uses). Counts every stored chunk, whoever may read it: a corpus
 * statistic for weighting words, which shows no text. Counting stops at DF_CAP per word.
 */
export async function documentFrequencies(db: Executor, words: string[]): Promise<TermStats> {
  const unique = [...new Set(words)].slice(0, 64);
  if (unique.length === 0) return { chunks: 0, df: new Map() };
  const result = await db.execute<{ word: string | null; df: number | string | null; chunks: number | string }>(sql`
    WITH q AS (
      SELECT w AS word, plainto_tsquery('english', w) AS query FROM unnest(${sql.param(unique)}::text[]) AS w
    )
    SELECT q.word,
      (SELECT count(*) FROM (SELECT 1 FROM chunks c WHERE c.tsv @@ q.query LIMIT ${DF_CAP}) hits) AS df,
      n.chunks
    FROM q, (
      -- The planner's estimate on a large table; an exact count, which is cheap, on a small or new one
      -- (whose statistics may not be gathered yet).
      SELECT CASE WHEN reltuples >= 10000 THEN reltuples::bigint ELSE (SELECT count(*) FROM chunks) END AS chunks
      FROM pg_class WHERE oid = 'chunks'::regclass
    ) n
    WHERE numnode(q.query) > 0`);
  const df = new Map(result.rows.map((r) => [r.word!, Number(r.df ?? 0)]));
  const chunks = Math.max(Number(result.rows[0]?.chunks ?? 0), ...df.values());
  return { chunks, df };
}
