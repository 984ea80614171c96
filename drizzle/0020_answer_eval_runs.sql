CREATE TABLE "answer_eval_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question_id" text NOT NULL,
	"question" text NOT NULL,
	"declined" boolean NOT NULL,
	"cited" jsonb NOT NULL,
	"answer_recall" real,
	"line" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "answer_eval_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_name" text NOT NULL,
	"model_id" uuid,
	"model_name" text NOT NULL,
	"question_limit" integer,
	"status" text DEFAULT 'running' NOT NULL,
	"error" text,
	"questions_done" integer DEFAULT 0 NOT NULL,
	"questions_total" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "answer_eval_questions" ADD CONSTRAINT "answer_eval_questions_run_id_answer_eval_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."answer_eval_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_eval_runs" ADD CONSTRAINT "answer_eval_runs_model_id_chat_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."chat_models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_eval_runs" ADD CONSTRAINT "answer_eval_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_eval_questions_run_idx" ON "answer_eval_questions" USING btree ("run_id","position");--> statement-breakpoint
CREATE INDEX "answer_eval_runs_started_idx" ON "answer_eval_runs" USING btree ("started_at");