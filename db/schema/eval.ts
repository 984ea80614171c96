import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { chatModels } from "./behaviour";
import { users } from "./users";

export const evalRunStatuses = ["running", "done", "failed"] as const;
export const evalResultStatuses = ["pass", "fail", "skipped"] as const;

/** One behaviour evaluation of one registry model against one spec version. */
export const evalRuns = pgTable(
  "eval_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => chatModels.id, { onDelete: "cascade" }),
    specVersion: integer("spec_version").notNull(),
    status: text("status", { enum: evalRunStatuses }).notNull().default("running"),
    /** The judge model used for the checks rules cannot make; null when none was configured. */
    judge: text("judge"),
    error: text("error"),
    /** Progress of a run in the background: golden cases answered so far, of how many. */
    casesDone: integer("cases_done").notNull().default(0),
    casesTotal: integer("cases_total").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("eval_runs_model_spec_idx").on(t.modelId, t.specVersion, t.startedAt)],
);

/** One golden case's outcome in a run, with what was expected and what the model said. */
export const evalResults = pgTable(
  "eval_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => evalRuns.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull(),
    behaviour: text("behaviour").notNull(),
    question: text("question").notNull(),
    expected: text("expected").notNull(),
    output: text("output").notNull(),
    status: text("status", { enum: evalResultStatuses }).notNull(),
    reason: text("reason"),
  },
  (t) => [index("eval_results_run_idx").on(t.runId)],
);
