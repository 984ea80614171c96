ALTER TABLE "ingest_jobs" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "ingest_jobs" CASCADE;--> statement-breakpoint
DROP INDEX "fine_tune_jobs_poll_idx";--> statement-breakpoint
ALTER TABLE "eval_runs" ADD COLUMN "cases_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD COLUMN "cases_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "fine_tune_jobs_status_idx" ON "fine_tune_jobs" USING btree ("status");--> statement-breakpoint
ALTER TABLE "embedding_models" DROP COLUMN "locked_by";--> statement-breakpoint
ALTER TABLE "embedding_models" DROP COLUMN "lease_until";--> statement-breakpoint
ALTER TABLE "fine_tune_jobs" DROP COLUMN "next_poll_at";--> statement-breakpoint
ALTER TABLE "fine_tune_jobs" DROP COLUMN "locked_by";--> statement-breakpoint
ALTER TABLE "fine_tune_jobs" DROP COLUMN "lease_until";