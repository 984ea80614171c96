import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { addVersion } from "@/db/queries/documents";
import { db } from "../db";
import { loadSamplePolicies } from "../samples/load";
import { createTestUser } from "@/testing/fixtures";
import { writeTempFiles } from "@/testing/temp-files";
import { collectFiles, importFiles } from "./bulk-import";
import { ingestionQueue } from "./upload";

/** The audit entries of one document's uploads, as [version, via, actor]. */
async function uploadEntries(documentId: string) {
  const entries = await listAudit(db(), { action: "document.upload", targetId: documentId });
  return entries.map((e) => {
    const details = e.details as { version: number; via: string };
    return [details.version, details.via, e.actorEmail];
  });
}

async function uploadEntriesNamed(filename: string) {
  return (await listAudit(db(), { action: "document.upload", limit: 500 })).filter((e) => (e.details as { filename?: string }).filename === filename);
}

describe("every upload is audited with the version it creates", () => {
  it("a command-line import (npm run ingest) leaves an entry per version, by the importing account", async () => {
    const admin = await createTestUser("admin");
    const name = `cli-${randomUUID()}.md`;
    const dir = writeTempFiles("upload-audit-", { [name]: "# CLI upload\n\nImported from the command line.\n" });
    const summary = await importFiles(await collectFiles([dir]), { uploadedBy: admin.id, groups: [`audit-${randomUUID()}`], via: "cli" });
    expect(summary.indexed).toEqual([path.join(dir, name)]);
    const [entry] = await uploadEntriesNamed(name);
    expect(entry).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: "document" });
    expect(await uploadEntries(entry!.targetId!)).toEqual([[1, "cli", admin.email]]);
  });

  it("Load sample policies leaves an entry for every sample's version", async () => {
    const admin = await createTestUser("admin");
    const samples = await loadSamplePolicies(admin.id);
    expect(samples.length).toBe(4);
    for (const sample of samples) {
      // Another test may have loaded them first (then nothing changes now): whoever loaded them is audited.
      const entries = (await uploadEntries(sample.documentId)).filter(([version]) => version === sample.number);
      expect(entries, sample.filename).toEqual([[sample.number, "samples", expect.any(String)]]);
    }
  });

  it("a failed upload leaves no entry: an unsupported file, and a version whose transaction fails", async () => {
    const admin = await createTestUser("admin");
    const unsupported = `cli-${randomUUID()}.exe`;
    const dir = writeTempFiles("upload-audit-", { [unsupported]: "MZ\u0000\u0001 not a document" });
    const summary = await importFiles(await collectFiles([dir]), { uploadedBy: admin.id, via: "cli" });
    expect(summary.indexed).toEqual([]);
    expect(await uploadEntriesNamed(unsupported)).toEqual([]);

    // An uploader that does not exist: the version's insert fails inside the transaction.
    const orphan = `orphan-${randomUUID()}.md`;
    const bytes = Buffer.from("# Orphan\n\nNobody uploaded this.\n");
    await expect(addVersion(db(), { filename: orphan, mime: "text/markdown", sha256: randomUUID(), bytes, createdBy: randomUUID(), via: "cli", enqueue: await ingestionQueue() })).rejects.toThrow();
    expect(await uploadEntriesNamed(orphan)).toEqual([]);
  });
});
