-- The BM25 index exists only where pg_textsearch does; the keyword leg checks for it at start
-- and otherwise ranks with the GIN-indexed tsvector (chunks_tsv_idx).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_textsearch') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS chunks_bm25_idx ON chunks USING bm25 (search_text) WITH (text_config = ''english'')';
  END IF;
END $$;
