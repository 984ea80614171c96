import type { ServedBy } from "../read-replicas";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { chunks, documents, documentVersions } from "./documents";
import { users } from "./users";

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_user_idx").on(t.userId, t.updatedAt)],
);

export const messages = pgTable(
  "messages",
  {
    /** The UI message id chosen by the AI SDK, so the client and the database agree. */
    id: text("id").primaryKey(),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    parts: jsonb("parts").notNull().$type<unknown[]>(),
    /** The model that produced an assistant message. */
    model: text("model"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

/** A citation names a chunk of one document version, so it stays explainable after the policy changes. */
export const citations = pgTable(
  "citations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: text("message_id").notNull().references(() => messages.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    chunkId: uuid("chunk_id").notNull().references(() => chunks.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").notNull().references(() => documentVersions.id, { onDelete: "cascade" }),
    documentId: uuid("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    /** The page the (first) cited sentence is on; null when it was not located (then: the chunk's page). */
    page: integer("page"),
    /** The cited sentences as [start, end) offsets into the chunk's text; null when none was located. */
    spans: jsonb("spans").$type<[number, number][]>(),
  },
  (t) => [index("citations_message_idx").on(t.messageId), index("citations_document_idx").on(t.documentId)],
);

export const retrievalTraces = pgTable("retrieval_traces", {
  id: uuid("id").primaryKey().defaultRandom(),
  messageId: text("message_id").notNull().references(() => messages.id, { onDelete: "cascade" }),
  query: text("query").notNull(),
  /** What retrieval searched for when the question was a follow-up rewritten to stand alone. */
  rewrittenQuery: text("rewritten_query"),
  /** The reranker used, and its error when it failed and the fused order was kept. */
  rerank: jsonb("rerank").$type<{ model: string; error?: string }>(),
  keywordRanking: text("keyword_ranking", { enum: ["bm25", "fts"] }).notNull(),
  /** Misspelt question words the keyword search read as corrected ("pasword" -> "password"). */
  corrections: jsonb("corrections").$type<{ from: string; to: string }[]>(),
  results: jsonb("results").notNull().$type<unknown[]>(),
  /** Which server the retrieval ran on (a read replica, or the primary and why); null before replicas. */
  servedBy: jsonb("served_by").$type<ServedBy>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
