import { createHash } from "node:crypto";
import { addVersion, type UploadSource } from "@/db/queries/documents";
import type { Executor } from "@/db/client";
import { ensureGroups } from "@/db/queries/groups";
import { db } from "../db";
import { queues, transactionalSender } from "../jobs/queue";
import { env } from "../env";
import { AppError } from "../errors";
import { detectMime } from "./parsers";
import { tooLargeMessage, uploadRequestMaxBytes } from "./upload-limit";

export interface UploadInput {
  filename: string;
  bytes: Uint8Array;
  uploadedBy: string;
  /** Names of the groups that may read the document; unset keeps its readers (new: everyone). */
  groups?: string[];
  /** Upload as the next version of this document instead of matching by name. */
  documentId?: string;
  /** Recorded in the upload's audit entry; unset: the upload route. */
  via?: UploadSource;
}

/**
 * Accepts a file for ingestion: checks it, stores the original bytes and queues the ingest job
 * (audited with it, whoever uploads).
 * Parsing happens later in the worker, so the upload request returns at once.
 */
export async function acceptUpload({ filename, bytes, uploadedBy, groups, documentId, via = "route" }: UploadInput) {
  // The name is a label stored in the database, never a filesystem path; still, "." and ".." are
  // dropped so "../../etc/passwd" cannot even look like one. Folders imported in bulk keep their
  // relative path ("leave/index.md"), so same-named files in different folders stay distinct.
  const name = filename
    .replace(/\\/g, "/")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .split("/")
    .map((segment) => segment.trim())
    .filter((segment) => segment && segment !== "." && segment !== "..")
    .join("/");
  if (!name) throw new AppError("bad_request", "The file needs a name.");
  if (bytes.length === 0) throw new AppError("bad_request", `"${name}" is empty. Choose a file with content.`);
  const max = env().UPLOAD_MAX_BYTES;
  if (bytes.length > max) {
    throw new AppError("payload_too_large", tooLargeMessage(name, max));
  }
  const mime = detectMime(bytes, name);
  if (!mime) {
    throw new AppError(
      "unsupported_media_type",
      `"${name}" is not a supported document. Upload Markdown, plain text, HTML, PDF, Word (.docx), PowerPoint (.pptx) or Excel (.xlsx) files.`,
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const readers = groups === undefined ? undefined : groups.length === 0 ? "everyone" : await ensureGroups(db(), groups);
  const result = await addVersion(db(), { filename: name, mime, sha256, bytes: Buffer.from(bytes), createdBy: uploadedBy, readers, documentId, via, enqueue: await ingestionQueue() });
  if (result.outcome === "missing") throw new AppError("not_found", "That document does not exist or was deleted; upload the file as a new document.");
  return { ...result, filename: name };
}

/** Queues a version's ingest job, in the transaction that writes the version. */
export async function ingestionQueue() {
  const send = await transactionalSender<{ versionId: string }>(queues.ingest);
  return (tx: Executor, versionId: string) => send(tx, { versionId });
}

/**
 * Refuses an upload by its declared Content-Length, before the body is read into memory: a 2 GB
 * request is answered 413 at once instead of after buffering it.
 */
export function checkUploadLength(headers: Headers) {
  const max = env().UPLOAD_MAX_BYTES;
  if (Number(headers.get("content-length") ?? 0) > uploadRequestMaxBytes(max)) throw new AppError("payload_too_large", tooLargeMessage(null, max));
}
