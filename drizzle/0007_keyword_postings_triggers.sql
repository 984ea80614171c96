-- BM25 postings for servers without pg_textsearch (db/schema/keyword-postings.ts). Statement-level
-- triggers on chunks keep them exact in the writing transaction, whatever writes the chunks (the
-- ingest worker, a bulk import, a retried job deleting its earlier attempt).
INSERT INTO keyword_stats (id) VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Adds the postings of these chunks, from their tsv lexemes. The totals row is updated first: its
-- row lock orders concurrent writers, so the df upserts that follow cannot deadlock.
CREATE OR REPLACE FUNCTION keyword_postings_add(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  avgdl float8;
BEGIN
  UPDATE keyword_stats s SET chunks = s.chunks + n.chunks, lexemes = s.lexemes + n.lexemes
    FROM (SELECT count(DISTINCT c.id) AS chunks, coalesce(sum(coalesce(cardinality(u.positions), 1)), 0) AS lexemes
          FROM chunks c, unnest(c.tsv) u WHERE c.id = ANY(ids)) n
    WHERE s.id = 1
    RETURNING s.lexemes::float8 / greatest(s.chunks, 1) INTO avgdl;
  INSERT INTO chunk_terms (chunk_id, term, weight)
    SELECT id, lexeme, tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * dl / avgdl))
    FROM (SELECT c.id, u.lexeme, coalesce(cardinality(u.positions), 1) AS tf,
                 sum(coalesce(cardinality(u.positions), 1)) OVER (PARTITION BY c.id) AS dl
          FROM chunks c, unnest(c.tsv) u WHERE c.id = ANY(ids)) n;
  INSERT INTO keyword_terms (term, df)
    SELECT u.lexeme, count(*) FROM chunks c, unnest(c.tsv) u WHERE c.id = ANY(ids) GROUP BY u.lexeme ORDER BY u.lexeme
  ON CONFLICT (term) DO UPDATE SET df = keyword_terms.df + EXCLUDED.df;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION keyword_postings_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM keyword_postings_add(ARRAY(SELECT id FROM new_chunks));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The postings themselves go by the foreign key's cascade; this takes the chunks out of the totals.
CREATE OR REPLACE FUNCTION keyword_postings_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE keyword_stats SET
    chunks = greatest(chunks - (SELECT count(*) FROM old_chunks o WHERE length(o.tsv) > 0), 0),
    lexemes = greatest(lexemes - (SELECT coalesce(sum(coalesce(cardinality(u.positions), 1)), 0) FROM old_chunks o, unnest(o.tsv) u), 0)
  WHERE id = 1;
  UPDATE keyword_terms k SET df = k.df - g.n
    FROM (SELECT u.lexeme, count(*) AS n FROM old_chunks o, unnest(o.tsv) u GROUP BY u.lexeme) g
    WHERE k.term = g.lexeme;
  DELETE FROM keyword_terms k USING (SELECT DISTINCT u.lexeme FROM old_chunks o, unnest(o.tsv) u) g
    WHERE k.term = g.lexeme AND k.df <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only where the keyword leg will read them: with pg_textsearch (PGlite) BM25 has its own index.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_textsearch') THEN
    CREATE TRIGGER chunks_keyword_postings_insert AFTER INSERT ON chunks
      REFERENCING NEW TABLE AS new_chunks FOR EACH STATEMENT EXECUTE FUNCTION keyword_postings_insert();
    CREATE TRIGGER chunks_keyword_postings_delete AFTER DELETE ON chunks
      REFERENCING OLD TABLE AS old_chunks FOR EACH STATEMENT EXECUTE FUNCTION keyword_postings_delete();
    PERFORM keyword_postings_add(ARRAY(SELECT id FROM chunks));
  END IF;
END $$;
