import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { chatModels } from "./behaviour";
import { users } from "./users";

export const answerEvalRunStatuses = ["running", "done", "failed"] as const;

/**
 * One answers evaluation (lib/evaluation/answer-run.ts) an admin started from the answer-quality
 * page: a set on the server, asked of one registry model in a scratch database by a worker's
 * child process. The report is exactly the JSON `npm run eval:answers` prints.
 */
export const answerEvalRuns = pgTable(
  "answer_eval_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The set's folder name under ANSWER_SETS_DIR. */
    setName: text("set_name").notNull(),
    modelId: uuid("model_id").references(() => chatModels.id, { onDelete: "set null" }),
    /** Kept apart from model_id: the run still says what it evaluated after the model is removed. */
    modelName: text("model_name").notNull(),
    questionLimit: integer("question_limit"),
    status: text("status", { enum: answerEvalRunStatuses }).notNull().default("running"),
    error: text("error"),
    /** Progress: questions answered so far by the current attempt, of how many. */
    questionsDone: integer("questions_done").notNull().default(0),
    questionsTotal: integer("questions_total").notNull().default(0),
    report: jsonb("report"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("answer_eval_runs_started_idx").on(t.startedAt)],
);

/** One question's line of a finished run, whole, as the CLI's --out writes it: the page's table reads it. */
export const answerEvalQuestions = pgTable(
  "answer_eval_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => answerEvalRuns.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    line: jsonb("line").notNull(),
  },
  (t) => [index("answer_eval_questions_run_idx").on(t.runId, t.position)],
);
