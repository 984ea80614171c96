ALTER TABLE "retrieval_traces" ADD COLUMN "rewritten_query" text;--> statement-breakpoint
ALTER TABLE "retrieval_traces" ADD COLUMN "rerank" jsonb;