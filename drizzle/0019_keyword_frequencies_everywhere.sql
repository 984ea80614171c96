-- Document frequencies (keyword_terms) and the chunk count (keyword_stats) on every database, not
-- only where the keyword leg reads the postings: the answerer and the spelling correction weight a
-- question's words by them (db/queries/term-stats.ts), and reading a kept count is a few index
-- lookups where counting a common word's chunks in the full-text index took 10 ms per question on
-- 30,000 chunks. Where pg_textsearch ranks the keyword leg (PGlite), the postings (chunk_terms) are
-- not kept, only these totals.
CREATE OR REPLACE FUNCTION keyword_frequencies_add(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The totals row first: its row lock orders concurrent writers (as in keyword_postings_add).
  UPDATE keyword_stats s SET chunks = s.chunks + n.chunks, lexemes = s.lexemes + n.lexemes
    FROM (SELECT count(DISTINCT c.id) AS chunks, coalesce(sum(coalesce(cardinality(u.positions), 1)), 0) AS lexemes
          FROM chunks c, unnest(c.tsv) u WHERE c.id = ANY(ids)) n
    WHERE s.id = 1;
  INSERT INTO keyword_terms (term, df)
    SELECT u.lexeme, count(*) FROM chunks c, unnest(c.tsv) u WHERE c.id = ANY(ids) GROUP BY u.lexeme ORDER BY u.lexeme
  ON CONFLICT (term) DO UPDATE SET df = keyword_terms.df + EXCLUDED.df;
END $$;
--> statement-breakpoint
-- A server's postings (0007) add these totals the same way, then the postings weighted by them.
CREATE OR REPLACE FUNCTION keyword_postings_add(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  avgdl float8;
BEGIN
  PERFORM keyword_frequencies_add(ids);
  SELECT s.lexemes::float8 / greatest(s.chunks, 1) INTO avgdl FROM keyword_stats s WHERE s.id = 1;
  INSERT INTO chunk_terms (chunk_id, term, weight)
    SELECT id, lexeme, tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * dl / avgdl))
    FROM (SELECT c.id, u.lexeme, coalesce(cardinality(u.positions), 1) AS tf,
                 sum(coalesce(cardinality(u.positions), 1)) OVER (PARTITION BY c.id) AS dl
          FROM chunks c, unnest(c.tsv) u WHERE c.id = ANY(ids)) n;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION keyword_frequencies_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM keyword_frequencies_add(ARRAY(SELECT id FROM new_chunks));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Deleting takes the chunks out of the totals as on a server (keyword_postings_delete, 0007).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'chunks_keyword_postings_insert') THEN
    CREATE TRIGGER chunks_keyword_frequencies_insert AFTER INSERT ON chunks
      REFERENCING NEW TABLE AS new_chunks FOR EACH STATEMENT EXECUTE FUNCTION keyword_frequencies_insert();
    CREATE TRIGGER chunks_keyword_postings_delete AFTER DELETE ON chunks
      REFERENCING OLD TABLE AS old_chunks FOR EACH STATEMENT EXECUTE FUNCTION keyword_postings_delete();
    UPDATE keyword_stats SET chunks = 0, lexemes = 0 WHERE id = 1;
    DELETE FROM keyword_terms;
    PERFORM keyword_frequencies_add(ARRAY(SELECT id FROM chunks));
  END IF;
END $$;
