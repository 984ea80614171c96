CREATE TABLE "chunk_terms" (
	"chunk_id" uuid NOT NULL,
	"term" text NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "chunk_terms_chunk_id_term_pk" PRIMARY KEY("chunk_id","term")
);
--> statement-breakpoint
CREATE TABLE "keyword_stats" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"chunks" bigint DEFAULT 0 NOT NULL,
	"lexemes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "keyword_stats_single_row" CHECK ("keyword_stats"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "keyword_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"df" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chunk_terms" ADD CONSTRAINT "chunk_terms_chunk_id_chunks_id_fk" FOREIGN KEY ("chunk_id") REFERENCES "public"."chunks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chunk_terms_term_weight_idx" ON "chunk_terms" USING btree ("term","weight" DESC NULLS LAST,"chunk_id");