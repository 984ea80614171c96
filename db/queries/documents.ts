import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { documents, documentVersions, users } from "../schema";
import { recordAudit } from "./audit";
import { canRead, type Asker } from "./access";
import { setDocumentReaders } from "./groups";

export interface NewVersionInput {
  filename: string;
  mime: string;
  sha256: string;
  bytes: Buffer;
  createdBy: string;
  /** Reader group ids, or everyone; unset keeps a document's readers (new documents: everyone). */
  readers?: string[] | "everyone";
  /** Re-index: make a new version even when the bytes are unchanged. */
  force?: boolean;
  /** Add the version to this document, whatever the file is called (an explicit new version). */
  documentId?: string;
  /** Where the upload came from, for its audit entry (written in the same transaction as the version). */
  via: UploadSource;
  /** Queues the new version's ingestion in the same transaction: no version without its job, no job without its version. */
  enqueue: (tx: Executor, versionId: string) => Promise<unknown>;
}

/** "route" is POST /api/documents, which the admin page's upload form uses too. */
export type UploadSource = "route" | "cli" | "samples" | "reindex" | "evaluation";

export type AddVersionResult =
  | { outcome: "missing" }
  | { outcome: "queued"; documentId: string; versionId: string; number: number }
  | { outcome: "unchanged"; documentId: string; versionId: string; number: number };

/**
 * Records an upload: a new document, or version n+1 of the live document with the same name,
 * plus its ingest job and its audit entry, in one transaction: every entry point is audited, and
 * a failed upload leaves no entry. Identical bytes (same sha256 as the latest version) change
 * nothing.
 */
export async function addVersion(db: Executor, input: NewVersionInput): Promise<AddVersionResult> {
  return db.transaction(async (tx) => {
    // Serializes concurrent uploads of the same name so they become versions, not duplicates.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${input.filename}))`);
    let [doc] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(input.documentId ? eq(documents.id, input.documentId) : eq(documents.filename, input.filename), isNull(documents.deletedAt)))
      .for("update");
    if (!doc && input.documentId) return { outcome: "missing" };
    if (!doc) {
      [doc] = await tx
        .insert(documents)
        .values({
          title: input.filename,
          filename: input.filename,
          ownerId: input.createdBy,
          // A restricted document is never public, not even for the moment before its groups are set.
          readableByEveryone: input.readers === undefined || input.readers === "everyone",
        })
        .returning({ id: documents.id });
    }
    const documentId = doc!.id;
    if (input.readers !== undefined) await setDocumentReaders(tx, documentId, input.readers);
    const [latest] = await tx
      .select({ id: documentVersions.id, number: documentVersions.number, sha256: documentVersions.sha256, status: documentVersions.status })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(desc(documentVersions.number))
      .limit(1);
    if (!input.force && latest && latest.sha256 === input.sha256 && latest.status !== "failed") {
      return { outcome: "unchanged", documentId, versionId: latest.id, number: latest.number };
    }
    const number = (latest?.number ?? 0) + 1;
    const [version] = await tx
      .insert(documentVersions)
      .values({
        documentId,
        number,
        sha256: input.sha256,
        filename: input.filename,
        mime: input.mime,
        sizeBytes: input.bytes.length,
        original: input.bytes,
        createdBy: input.createdBy,
      })
      .returning({ id: documentVersions.id });
    await input.enqueue(tx, version!.id);
    const [uploader] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.createdBy));
    await recordAudit(tx, {
      actorId: input.createdBy,
      actorEmail: uploader?.email ?? null,
      action: input.via === "reindex" ? "document.reindex" : "document.upload",
      targetType: "document",
      targetId: documentId,
      details: { filename: input.filename, version: number, via: input.via, readers: input.readers ?? "unchanged" },
    });
    return { outcome: "queued", documentId, versionId: version!.id, number };
  });
}

export type DocumentListRow = {
  id: string;
  title: string;
  filename: string;
  readableByEveryone: boolean;
  currentVersion: number | null;
  latestVersion: number;
  latestStatus: string;
  latestError: string | null;
  mime: string;
  updatedAt: Date;
  groups: string[];
  pagesWithoutText: number[];
  /** Of the newest version: null until a PDF is parsed (other formats have no pages). */
  pages: number | null;
  chunks: number;
  sizeBytes: number;
  /** Who uploaded the newest version; null once that account is deleted. */
  uploadedBy: string | null;
};

/** The columns the documents table sorts by, each with its expression in listDocuments' query. */
const SORT_KEYS = {
  title: sql`lower(d.title)`,
  file: sql`lower(d.filename)`,
  version: sql`lv.number`,
  pages: sql`lv.page_count`,
  chunks: sql`chunks`,
  size: sql`lv.size_bytes`,
  uploader: sql`lower(u.name)`,
  date: sql`lv.created_at`,
  status: sql`lv.status`,
};
export type DocumentSort = keyof typeof SORT_KEYS;
export const DOCUMENT_SORTS = Object.keys(SORT_KEYS) as [DocumentSort, ...DocumentSort[]];

export interface DocumentFilters {
  /** Words in the title or name. */
  q?: string;
  status?: string;
  mime?: string;
  groupId?: string;
  limit?: number;
  /** DEFAULT_DOCUMENT_ORDER unless given; a column without a value (a Markdown file's pages) sorts last either way. */
  sort?: DocumentSort;
  dir?: "asc" | "desc";
}

/** Rows the documents table lists at most. */
export const DOCUMENT_LIST_LIMIT = 500;

/** The order when none is asked for: newest first. */
export const DEFAULT_DOCUMENT_ORDER: Required<Pick<DocumentFilters, "sort" | "dir">> = { sort: "date", dir: "desc" };

/** Live documents with their newest version's status (the one being ingested, if any). */
export async function listDocuments(db: Executor, asker: Asker, filters: DocumentFilters = {}): Promise<DocumentListRow[]> {
  const { sort = DEFAULT_DOCUMENT_ORDER.sort, dir = DEFAULT_DOCUMENT_ORDER.dir } = filters;
  const conditions = matching(asker, filters);
  const result = await db.execute<DocumentListRow>(sql`
    SELECT d.id, d.title, d.filename, d.readable_by_everyone AS "readableByEveryone",
           cv.number AS "currentVersion", lv.number AS "latestVersion", lv.status AS "latestStatus",
           lv.error AS "latestError", lv.mime, lv.created_at AS "updatedAt",
           COALESCE(lv.pages_without_text, '{}') AS "pagesWithoutText",
           lv.page_count AS pages, lv.size_bytes AS "sizeBytes", u.name AS "uploadedBy",
           (SELECT count(*)::int FROM chunks c WHERE c.version_id = lv.id) AS chunks,
           COALESCE((SELECT array_agg(g.name ORDER BY g.name) FROM document_groups dg JOIN groups g ON g.id = dg.group_id
                     WHERE dg.document_id = d.id), '{}') AS groups
    FROM documents d
    JOIN LATERAL (SELECT id, number, status, error, mime, created_at, pages_without_text, page_count, size_bytes, created_by
                  FROM document_versions v WHERE v.document_id = d.id ORDER BY number DESC LIMIT 1) lv ON TRUE
    LEFT JOIN document_versions cv ON cv.id = d.current_version_id
    LEFT JOIN users u ON u.id = lv.created_by
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${SORT_KEYS[sort]} ${dir === "asc" ? sql`ASC` : sql`DESC`} NULLS LAST, lv.created_at DESC, d.id
    LIMIT ${filters.limit ?? DOCUMENT_LIST_LIMIT}`);
  return result.rows;
}

/** The live documents the asker can read that the filters keep (the table's rows, without its limit). */
export async function documentIdsMatching(db: Executor, asker: Asker, filters: DocumentFilters = {}): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    SELECT d.id FROM documents d
    JOIN LATERAL (SELECT status, mime FROM document_versions v WHERE v.document_id = d.id ORDER BY number DESC LIMIT 1) lv ON TRUE
    WHERE ${sql.join(matching(asker, filters), sql` AND `)}
    ORDER BY d.created_at, d.id`);
  return result.rows.map((r) => r.id);
}

/** The filters as conditions on `d` (documents) and `lv` (each one's newest version). */
function matching(asker: Asker, filters: DocumentFilters) {
  const conditions = [sql`d.deleted_at IS NULL`, canRead(asker)];
  if (filters.q) conditions.push(sql`(d.title ILIKE ${`%${filters.q}%`} OR d.filename ILIKE ${`%${filters.q}%`})`);
  if (filters.status) conditions.push(sql`lv.status = ${filters.status}`);
  if (filters.mime) conditions.push(sql`lv.mime = ${filters.mime}`);
  if (filters.groupId) conditions.push(sql`EXISTS (SELECT 1 FROM document_groups g WHERE g.document_id = d.id AND g.group_id = ${filters.groupId})`);
  return conditions;
}

export type ViewableVersion = {
  documentId: string;
  title: string;
  versionId: string;
  number: number;
  currentNumber: number | null;
  currentVersionId: string | null;
  filename: string;
  mime: string;
  blocks: unknown[] | null;
  deleted: boolean;
};

/**
 * One version of a document, only if the asker may read the document; null otherwise. Deleted
 * documents are returned flagged, so a past answer's citation can say the source was deleted.
 */
export async function findReadableVersion(db: Executor, asker: Asker, documentId: string, versionId: string) {
  const result = await db.execute<ViewableVersion>(sql`
    SELECT d.id AS "documentId", d.title, v.id AS "versionId", v.number, cv.number AS "currentNumber",
           d.current_version_id AS "currentVersionId", v.filename, v.mime, v.blocks, d.deleted_at IS NOT NULL AS deleted
    FROM documents d
    JOIN document_versions v ON v.document_id = d.id AND v.id = ${versionId}
    LEFT JOIN document_versions cv ON cv.id = d.current_version_id
    WHERE d.id = ${documentId} AND ${canRead(asker)}`);
  return result.rows[0] ?? null;
}

/** The chunk's span, PDF page and text within its version, only if it belongs to that version. */
export async function findChunkSpan(db: Executor, versionId: string, chunkId: string) {
  const result = await db.execute<{ start: number; end: number; page: number | null; text: string }>(sql`
    SELECT span_start AS start, span_end AS "end", page, text FROM chunks WHERE id = ${chunkId} AND version_id = ${versionId}`);
  return result.rows[0] ?? null;
}

/**
 * The passage of another version that stands where the given chunk stood: the nearest chunk under
 * the same headings. Lets "open the current version" land on the section the reader was looking at.
 */
export async function findCorrespondingChunk(db: Executor, versionId: string, chunkId: string) {
  const result = await db.execute<{ id: string }>(sql`
    SELECT c.id FROM chunks c JOIN chunks old ON old.id = ${chunkId}
    WHERE c.version_id = ${versionId} AND c.heading_path = old.heading_path
    ORDER BY abs(c.ordinal - old.ordinal), c.ordinal
    LIMIT 1`);
  return result.rows[0]?.id ?? null;
}

/**
 * The uploaded file of one version, only if the asker may read its document and it is not deleted:
 * a deleted document's file is no longer handed out, to anyone.
 */
export async function findReadableOriginal(db: Executor, asker: Asker, documentId: string, versionId: string) {
  const result = await db.execute<{ filename: string; mime: string; original: Buffer }>(sql`
    SELECT v.filename, v.mime, v.original
    FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.id = ${versionId}
    WHERE d.id = ${documentId} AND d.deleted_at IS NULL AND ${canRead(asker)}`);
  return result.rows[0] ?? null;
}

/** Status and error of the given versions (progress of a bulk import). */
export async function versionStatuses(db: Executor, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({ id: documentVersions.id, status: documentVersions.status, error: documentVersions.error })
    .from(documentVersions)
    .where(inArray(documentVersions.id, versionIds));
}

/** Which of these documents have been deleted (past answers say so beside their citations). */
export async function deletedDocumentIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.id, ids), sql`${documents.deletedAt} IS NOT NULL`));
  return rows.map((r) => r.id);
}
