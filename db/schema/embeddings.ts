import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const embeddingProviders = ["builtin", "openai", "openai-compatible"] as const;
/**
 * available: registered, no vectors; building: being embedded in the background while the active
 * model serves; ready: every chunk embedded and indexed, about to be activated; active: the one
 * retrieval uses; retired: replaced, its vectors kept until an admin drops them.
 */
export const embeddingModelStatuses = ["available", "building", "ready", "active", "retired"] as const;
export type EmbeddingModelStatus = (typeof embeddingModelStatuses)[number];

/** The embedding model registry: exactly one active; a switch is a background job (queue `embedding-switch`) on the target row. */
export const embeddingModels = pgTable(
  "embedding_models",
  {
    /** What chunk_embeddings.model holds for this model's vectors, e.g. `builtin-hash-1024-v1`. */
    id: text("id").primaryKey(),
    provider: text("provider", { enum: embeddingProviders }).notNull(),
    /** The provider's model name; API keys and endpoints stay in the environment. */
    model: text("model").notNull(),
    dimensions: integer("dimensions").notNull(),
    status: text("status", { enum: embeddingModelStatuses }).notNull().default("available"),
    /** Progress of a switch: current chunks to embed, and how many have vectors for this model. */
    totalChunks: integer("total_chunks").notNull().default(0),
    embeddedChunks: integer("embedded_chunks").notNull().default(0),
    error: text("error"),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("embedding_models_one_active").on(t.status).where(sql`${t.status} = 'active'`)],
);
