CREATE TABLE "builtin_weights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fine_tune_job_id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"dataset_version" integer NOT NULL,
	"spec_version" integer NOT NULL,
	"weights" jsonb NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "builtin_weights_fine_tune_job_id_unique" UNIQUE("fine_tune_job_id")
);
--> statement-breakpoint
ALTER TABLE "builtin_weights" ADD CONSTRAINT "builtin_weights_fine_tune_job_id_fine_tune_jobs_id_fk" FOREIGN KEY ("fine_tune_job_id") REFERENCES "public"."fine_tune_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "builtin_weights" ADD CONSTRAINT "builtin_weights_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE restrict ON UPDATE no action;