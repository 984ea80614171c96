import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Versioned behaviour spec: every edit is a new row; the highest version is the current one. */
export const behaviourSpecs = pgTable("behaviour_specs", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: integer("version").notNull().unique(),
  /** The spec itself (lib/behaviour/spec.ts defines and validates its shape). */
  content: jsonb("content").notNull().$type<Record<string, unknown>>(),
  note: text("note"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const chatModelProviders = ["builtin", "openai", "openai-compatible"] as const;
export const chatModelKinds = ["builtin", "base", "fine-tuned"] as const;

/** The model registry: every chat model that may answer, with exactly one active. */
export const chatModels = pgTable(
  "chat_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Shown to admins and stored on every answer. */
    name: text("name").notNull().unique(),
    provider: text("provider", { enum: chatModelProviders }).notNull(),
    /** The provider's model id, e.g. `gpt-4.1-mini` or `ft:gpt-4.1-mini:acme::abc123`. */
    model: text("model").notNull(),
    /** OpenAI-compatible endpoints (self-hosted LoRA servers); API keys stay in the environment. */
    baseUrl: text("base_url"),
    kind: text("kind", { enum: chatModelKinds }).notNull(),
    /** The behaviour spec version a fine-tuned model was trained for. */
    specVersion: integer("spec_version"),
    /** The fine-tuning job that produced it, if any. */
    fineTuneJobId: uuid("fine_tune_job_id"),
    active: boolean("active").notNull().default(false),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("chat_models_one_active").on(t.active).where(sql`${t.active}`),
    index("chat_models_created_idx").on(t.createdAt),
  ],
);
