ALTER TABLE "chunks" ADD COLUMN "page_end" integer;--> statement-breakpoint
ALTER TABLE "chunks" ADD COLUMN "page_starts" integer[];--> statement-breakpoint
ALTER TABLE "citations" ADD COLUMN "page" integer;--> statement-breakpoint
ALTER TABLE "citations" ADD COLUMN "spans" jsonb;