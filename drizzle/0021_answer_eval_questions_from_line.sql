ALTER TABLE "answer_eval_questions" DROP COLUMN "question_id";--> statement-breakpoint
ALTER TABLE "answer_eval_questions" DROP COLUMN "question";--> statement-breakpoint
ALTER TABLE "answer_eval_questions" DROP COLUMN "declined";--> statement-breakpoint
ALTER TABLE "answer_eval_questions" DROP COLUMN "cited";--> statement-breakpoint
ALTER TABLE "answer_eval_questions" DROP COLUMN "answer_recall";