import { sql } from "drizzle-orm";
import type { Executor } from "../client";

export interface TermStats {
  /** Chunks in the index. */
  chunks: number;
  /** Word (as asked) -> chunks containing its lexeme; absent for words with no lexeme (stopwords). */
  df: Map<string, number>;
}

/** The most distinct words one read counts (a question's own words are far fewer); the rest go unread. */
export const MAX_WORDS_PER_READ = 64;

/**
 * How many chunks contain each word: PostgreSQL's English lexemes (the same Snowball stems the
 * answerer uses), counted for every stored chunk whoever may read it (a corpus statistic for
 * weighting words, which shows no text). The counts are kept by triggers on chunks in the writing
 * transaction (keyword_terms and keyword_stats, drizzle/0007 and 0019), so reading them costs a
 * lookup per word. A word of several lexemes ("e-mail") counts as its rarest.
 */
export async function documentFrequencies(db: Executor, words: string[]): Promise<TermStats> {
  const unique = [...new Set(words)].slice(0, MAX_WORDS_PER_READ);
  if (unique.length === 0) return { chunks: 0, df: new Map() };
  const result = await db.execute<{ word: string; df: number | string; chunks: number | string }>(sql`
    WITH q AS (SELECT w AS word, to_tsvector('english', w) AS lexemes FROM unnest(${sql.param(unique)}::text[]) AS w)
    SELECT q.word, s.chunks,
      (SELECT min(coalesce(t.df, 0)) FROM unnest(q.lexemes) u LEFT JOIN keyword_terms t ON t.term = u.lexeme) AS df
    FROM q CROSS JOIN keyword_stats s
    WHERE s.id = 1 AND length(q.lexemes) > 0`);
  const df = new Map(result.rows.map((r) => [r.word, Number(r.df)]));
  const chunks = Math.max(Number(result.rows[0]?.chunks ?? 0), ...df.values());
  return { chunks, df };
}
