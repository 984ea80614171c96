import { startEmbeddedServer, type EmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { versionStatuses } from "@/db/queries/documents";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { createUser } from "@/db/queries/users";
import type { CurrentUser } from "../auth/user";
import { useDatabase } from "../db";
import { embedder } from "../embeddings";
import { env } from "../env";
import { AppError } from "../errors";
import { acceptUpload } from "../ingest/upload";
import { processNextJob } from "../ingest/worker";
import { stopJobQueue } from "../jobs/queue";

/**
 * The database an evaluation ingests into: a fresh in-memory embedded one, or DATABASE_URL (which
 * should then be empty, or documents already there take part in retrieval) unless `fresh` insists
 * on an empty one. Migrated, with the active embedder's vector index and an owner for the
 * uploads; it becomes the process's db() until closed.
 */
export async function openScratchDatabase(options: { fresh?: boolean } = {}) {
  let embedded: EmbeddedServer | undefined;
  let url = options.fresh ? undefined : env().DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedServer(null);
    url = embedded.url;
  }
  const { db, pool } = useDatabase(url);
  await migrateDatabase(db);
  const model = embedder();
  await ensureVectorIndex(db, model.id, model.dimensions);
  const owner = (await createUser(db, { email: `eval-admin-${Date.now()}@example.com`, name: "eval", passwordHash: "-" }))!;

  // Each distinct set of groups is one employee, created on first use.
  const employees = new Map<string, Promise<CurrentUser>>();
  const employee = (groups: string[]): Promise<CurrentUser> => {
    const key = [...groups].sort().join("\n");
    if (!employees.has(key)) {
      employees.set(key, (async () => {
        const email = `eval-${employees.size}-${Date.now()}@example.com`;
        const user = (await createUser(db, { email, name: "eval", passwordHash: "-" }))!;
        if (groups.length > 0) await addUserToGroups(db, user.id, await ensureGroups(db, groups));
        return { id: user.id, email, name: "eval", role: "employee" as const };
      })());
    }
    return employees.get(key)!;
  };

  return {
    db,
    ownerId: owner.id,
    embeddingModel: model.id,
    employee,
    async close() {
      // Uploading started this process's queue client on this database: left running, it polls a closed server.
      await stopJobQueue();
      await pool.end();
      await embedded?.stop();
      // The process's database is the configured one again (a test file goes on with it).
      const configured = env().DATABASE_URL;
      if (configured) useDatabase(configured);
    },
  };
}

export type ScratchDatabase = Awaited<ReturnType<typeof openScratchDatabase>>;

export interface EvalUpload {
  filename: string;
  bytes: Uint8Array;
  /** Reader groups; none: everyone. */
  groups: string[];
}

/**
 * Uploads the files through the product's own upload path and runs the ingest worker until the
 * queue is empty. Returns the document id of each upload that was indexed, by upload index; files
 * the upload refuses (unsupported type) or the worker fails on are listed in `skipped` with why.
 */
export async function ingestUploads(scratch: ScratchDatabase, uploads: EvalUpload[]) {
  const documentIds = new Map<number, string>();
  const versions = new Map<string, number>();
  const skipped: { filename: string; reason: string }[] = [];
  const started = performance.now();
  for (const [index, upload] of uploads.entries()) {
    try {
      const result = await acceptUpload({ filename: upload.filename, bytes: upload.bytes, uploadedBy: scratch.ownerId, groups: upload.groups, via: "evaluation" });
      documentIds.set(index, result.documentId);
      versions.set(result.versionId, index);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      skipped.push({ filename: upload.filename, reason: err.message });
    }
  }
  console.log(`Ingesting ${documentIds.size} documents…`);
  let done = 0;
  while (await processNextJob()) if (++done % 1000 === 0) console.log(`  ${done} indexed`);
  for (const version of await versionStatuses(scratch.db, [...versions.keys()])) {
    if (version.status === "ready") continue;
    const i = versions.get(version.id)!;
    documentIds.delete(i);
    skipped.push({ filename: uploads[i]!.filename, reason: version.error ?? `not indexed (${version.status})` });
  }
  console.log(`Indexed in ${((performance.now() - started) / 1000).toFixed(0)} s with ${scratch.embeddingModel}.`);
  return { documentIds, skipped };
}
