-- Extensions come first: the schema uses pgvector's `vector` type.
CREATE EXTENSION IF NOT EXISTS vector;
--> statement-breakpoint
-- BM25 ranking where pg_textsearch is available (PGlite ships it); elsewhere the app falls back
-- to built-in full-text search and reports that it does.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_textsearch') THEN
    CREATE EXTENSION IF NOT EXISTS pg_textsearch;
  END IF;
END $$;
