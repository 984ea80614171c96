import { sql } from "drizzle-orm";
import {
  boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { anyVector, bytea, tsvector } from "./types";
import { groups, users } from "./users";

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    /** Set when an admin renames the document: a new version's parsed title then leaves the name alone. */
    titleEdited: boolean("title_edited").notNull().default(false),
    /** The name the document is known by; a later upload with the same name is a new version. */
    filename: text("filename").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** Explicit flag rather than "no group rows": deleting a group must never make a document public. */
    readableByEveryone: boolean("readable_by_everyone").notNull().default(true),
    currentVersionId: uuid("current_version_id").references((): AnyPgColumn => documentVersions.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    unique("documents_filename_live").on(t.filename, t.deletedAt).nullsNotDistinct(),
    index("documents_current_version_idx").on(t.currentVersionId),
    // Every question of a reader with few documents starts from the documents for everyone
    // (db/queries/retrieval.ts, readableChunkIds): found here, not by scanning all documents.
    index("documents_for_everyone_idx").on(t.currentVersionId).where(sql`${t.readableByEveryone}`),
  ],
);

export const documentGroups = pgTable(
  "document_groups",
  {
    documentId: uuid("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.groupId] }), index("document_groups_group_idx").on(t.groupId)],
);

export const versionStatuses = ["queued", "processing", "ready", "failed"] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export const documentVersions = pgTable(
  "document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    sha256: text("sha256").notNull(),
    filename: text("filename").notNull(),
    mime: text("mime").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    original: bytea("original").notNull(),
    status: text("status", { enum: versionStatuses }).notNull().default("queued"),
    error: text("error"),
    pageCount: integer("page_count"),
    /** PDF pages with no text layer (scanned): reported to the admin as needing OCR, not indexed. */
    pagesWithoutText: integer("pages_without_text").array(),
    /** The normalized document model (lib/ingest/document-model), shared by chunker and viewer. */
    blocks: jsonb("blocks").$type<unknown[]>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("document_versions_number").on(t.documentId, t.number)],
);

export const chunks = pgTable(
  "chunks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => documentVersions.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
    headingPath: text("heading_path").array().notNull().default(sql`'{}'::text[]`),
    /** The page the chunk's own content starts on (PDF); text before it (overlap) counts as on it too. */
    page: integer("page"),
    /** The page it ends on; null for chunks stored before page ranges were kept (then: `page`). */
    pageEnd: integer("page_end"),
    /** Where pages page+1 .. pageEnd start, as offsets into `text`; null when unknown, as pageEnd. */
    pageStarts: integer("page_starts").array(),
    spanStart: integer("span_start").notNull(),
    spanEnd: integer("span_end").notNull(),
    tokenCount: integer("token_count").notNull(),
    /** Title + heading path + text: what the keyword leg ranks, so a section name finds its chunks. */
    searchText: text("search_text").notNull(),
    /** Built-in full-text search, used where pg_textsearch (BM25) is not installed. */
    tsv: tsvector("tsv").generatedAlwaysAs(sql`to_tsvector('english', search_text)`),
  },
  (t) => [
    unique("chunks_version_ordinal").on(t.versionId, t.ordinal),
    // A reader's chunk ids, listed by document version (readableChunkIds), from the index alone:
    // the key above holds no id, so each version's chunks were fetched from the table.
    index("chunks_version_ids_idx").on(t.versionId, t.id),
    index("chunks_tsv_idx").using("gin", t.tsv),
  ],
);

export const chunkEmbeddings = pgTable(
  "chunk_embeddings",
  {
    chunkId: uuid("chunk_id").notNull().references(() => chunks.id, { onDelete: "cascade" }),
    model: text("model").notNull(),
    embedding: anyVector("embedding").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chunkId, t.model] })],
);
