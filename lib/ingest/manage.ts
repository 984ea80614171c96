import { addVersion, documentIdsMatching, type DocumentFilters } from "@/db/queries/documents";
import { z } from "zod";
import { findDocument, latestOriginal, setDocumentTitle, softDeleteDocument } from "@/db/queries/document-admin";
import { ensureGroups, setDocumentReaders } from "@/db/queries/groups";
import { audit, type Actor } from "../admin/audit";
import { askerOf, type CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { ingestionQueue } from "./upload";

const notFound = () => new AppError("not_found", "This document does not exist or was deleted.");

/** Ingests the newest version's bytes again, as a new version, so past citations keep theirs. */
export async function reindexDocument(admin: CurrentUser, documentId: string) {
  const original = await latestOriginal(db(), documentId);
  if (!original || !(await findDocument(db(), documentId))) throw notFound();
  const result = await addVersion(db(), { ...original, bytes: original.original, createdBy: admin.id, force: true, documentId, via: "reindex", enqueue: await ingestionQueue() });
  if (result.outcome === "missing") throw notFound();
  return result;
}

/**
 * Re-indexes every live document the filters keep (the documents table's, without its limit),
 * each as a new version: after an upgrade whose parsers read some files better. One document
 * that cannot be re-indexed (deleted meanwhile) does not stop the others.
 */
export async function reindexDocuments(admin: CurrentUser, filters: DocumentFilters): Promise<{ queued: number; failed: number }> {
  const ids = await documentIdsMatching(db(), askerOf(admin), filters);
  let queued = 0;
  for (const id of ids) {
    const result = await reindexDocument(admin, id).catch((err: unknown) => {
      if (err instanceof AppError) return null;
      throw err;
    });
    if (result?.outcome === "queued") queued++;
  }
  await audit(db(), admin, "document.reindex_many", { type: "document" }, { filters, queued, failed: ids.length - queued });
  return { queued, failed: ids.length - queued };
}

export async function deleteDocument(documentId: string, actor: Actor) {
  await db().transaction(async (tx) => {
    if (!(await softDeleteDocument(tx, documentId))) throw notFound();
    await audit(tx, actor, "document.delete", { type: "document", id: documentId });
  });
}

/** Who may read a document: everyone, or the named groups (created if new). */
export async function setReaders(documentId: string, readers: { everyone: true } | { groups: string[] }, actor: Actor) {
  if (!(await findDocument(db(), documentId))) throw notFound();
  if ("groups" in readers && readers.groups.length === 0) {
    throw new AppError("bad_request", "Choose at least one group, or make the document readable by everyone.");
  }
  await db().transaction(async (tx) => {
    const ids = "everyone" in readers ? "everyone" : await ensureGroups(tx, readers.groups);
    await setDocumentReaders(tx, documentId, ids);
    await audit(tx, actor, "document.readers_set", { type: "document", id: documentId }, "everyone" in readers ? { everyone: true } : { groups: readers.groups });
  });
}

// Line breaks and runs of spaces in a pasted title would only show as odd gaps in tables and citations.
const title = z.string().transform((t) => t.replace(/\s+/g, " ").trim()).pipe(
  z.string().min(1, "Give the document a title.").max(200, "Titles can be at most 200 characters."),
);

/**
 * Gives a document the title an admin chose. Authorized here as well as by the action: only admins,
 * and only a live document they may read. Chunks keep the title they were indexed with until re-indexed.
 */
export async function retitleDocument(actor: CurrentUser, documentId: unknown, newTitle: unknown) {
  if (actor.role !== "admin") throw new AppError("forbidden", "Only administrators can do this.");
  const id = z.uuid().safeParse(documentId);
  if (!id.success) throw notFound();
  const parsed = title.safeParse(newTitle);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "That title is not valid.");
  await db().transaction(async (tx) => {
    const previous = await setDocumentTitle(tx, askerOf(actor), id.data, parsed.data);
    if (previous === null) throw notFound();
    await audit(tx, actor, "document.retitle", { type: "document", id: id.data }, { from: previous, to: parsed.data });
  });
  return parsed.data;
}
