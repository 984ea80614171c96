import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { chatModels } from "./behaviour";
import { messages } from "./chat";
import { users } from "./users";

/** A source exactly as the model saw it: frozen, so later document edits never change an example. */
export interface TrainingSource {
  n: number;
  title: string;
  headingPath: string[];
  page?: number | null;
  text: string;
  /** Where it came from, when it came from the index (pasted sources have none). */
  chunkId?: string;
  versionId?: string;
}

/** One sentence of an ideal answer stating facts its sources do not contain. */
export interface LeakFinding {
  sentence: string;
  /** The facts (numbers, dates, names, words) not found in the sources. */
  missing: string[];
}

export const exampleOrigins = ["thumbs-up", "correction", "written", "generated"] as const;

export const trainingExamples = pgTable(
  "training_examples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    origin: text("origin", { enum: exampleOrigins }).notNull(),
    /** The spec version the example teaches. */
    specVersion: integer("spec_version").notNull(),
    question: text("question").notNull(),
    sources: jsonb("sources").notNull().$type<TrainingSource[]>(),
    idealAnswer: text("ideal_answer").notNull(),
    /** Behaviour tags: cites, format, refuse:<topic>, escalate:<topic>, not-found. */
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** The answer it was made from (thumbs up, correction). */
    messageId: text("message_id").references(() => messages.id, { onDelete: "set null" }),
    /** Makes "add all new" and "generate" idempotent: one example per origin and message or template. */
    dedupeKey: text("dedupe_key"),
    leaks: jsonb("leaks").notNull().$type<LeakFinding[]>().default([]),
    /** An admin looked at the leak findings and accepted the example anyway. */
    leakAccepted: boolean("leak_accepted").notNull().default(false),
    archived: boolean("archived").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("training_examples_dedupe").on(t.dedupeKey), index("training_examples_created_idx").on(t.createdAt)],
);

/** One line of an OpenAI chat fine-tuning file. */
export interface ChatLine {
  messages: { role: "system" | "user" | "assistant"; content: string }[];
}

/** A frozen dataset version: the examples are copied in, so later edits never change what was trained. */
export const datasets = pgTable("datasets", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: integer("version").notNull().unique(),
  specVersion: integer("spec_version").notNull(),
  note: text("note"),
  /** The validation report computed at freeze time (lib/behaviour/dataset-validation.ts). */
  report: jsonb("report").notNull().$type<Record<string, unknown>>(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const datasetExamples = pgTable(
  "dataset_examples",
  {
    datasetId: uuid("dataset_id").notNull().references(() => datasets.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    exampleId: uuid("example_id").references(() => trainingExamples.id, { onDelete: "set null" }),
    split: text("split", { enum: ["train", "validation"] }).notNull(),
    tags: text("tags").array().notNull(),
    line: jsonb("line").notNull().$type<ChatLine>(),
    tokens: integer("tokens").notNull(),
  },
  (t) => [unique("dataset_examples_ordinal").on(t.datasetId, t.ordinal)],
);

/**
 * pending: not yet submitted; validating_files, queued, running: OpenAI's states while it works;
 * awaiting_endpoint: an external (self-hosted) training whose endpoint is not registered yet.
 */
export const fineTuneStatuses = ["pending", "validating_files", "queued", "running", "awaiting_endpoint", "succeeded", "failed", "cancelled"] as const;
export type FineTuneStatus = (typeof fineTuneStatuses)[number];

export interface FineTuneEvent {
  id: string;
  createdAt: number;
  level: string;
  message: string;
}

export const fineTuneJobs = pgTable(
  "fine_tune_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    datasetId: uuid("dataset_id").notNull().references(() => datasets.id, { onDelete: "restrict" }),
    provider: text("provider", { enum: ["openai", "external", "builtin"] }).notNull(),
    baseModel: text("base_model").notNull(),
    suffix: text("suffix"),
    hyperparameters: jsonb("hyperparameters").notNull().$type<Record<string, unknown>>().default({}),
    status: text("status", { enum: fineTuneStatuses }).notNull().default("pending"),
    providerJobId: text("provider_job_id"),
    trainingFileId: text("training_file_id"),
    validationFileId: text("validation_file_id"),
    events: jsonb("events").notNull().$type<FineTuneEvent[]>().default([]),
    /** Why it failed, or the last transient polling problem, in words an admin can act on. */
    error: text("error"),
    fineTunedModel: text("fine_tuned_model"),
    trainedTokens: integer("trained_tokens"),
    metrics: jsonb("metrics").$type<Record<string, number>>(),
    chatModelId: uuid("chat_model_id").references(() => chatModels.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("fine_tune_jobs_status_idx").on(t.status)],
);

/**
 * The trained behaviour weights of a `builtin` fine-tune: a versioned artefact, tied to the job, the
 * dataset version and the spec version that produced it, with its training and validation figures
 * (per-behaviour precision and recall, confusion matrices; lib/behaviour/fine-tune/builtin-training.ts).
 */
export const builtinWeights = pgTable("builtin_weights", {
  id: uuid("id").primaryKey().defaultRandom(),
  fineTuneJobId: uuid("fine_tune_job_id").notNull().unique().references(() => fineTuneJobs.id, { onDelete: "cascade" }),
  datasetId: uuid("dataset_id").notNull().references(() => datasets.id, { onDelete: "restrict" }),
  datasetVersion: integer("dataset_version").notNull(),
  specVersion: integer("spec_version").notNull(),
  weights: jsonb("weights").notNull().$type<Record<string, unknown>>(),
  report: jsonb("report").notNull().$type<Record<string, unknown>>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
