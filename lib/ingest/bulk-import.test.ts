import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { askerOf } from "../auth/user";
import { retrieve } from "../retrieval/retrieve";
import { createTestUser } from "@/testing/fixtures";
import { writeTempFiles } from "@/testing/temp-files";
import { versionStatuses } from "@/db/queries/documents";
import { db } from "../db";
import { collectFiles, importFiles } from "./bulk-import";
import { jobQueue, queues } from "../jobs/queue";
import { acceptUpload } from "./upload";
import { ABANDONED_REASON } from "./worker";

const HANDBOOK = path.resolve(process.cwd(), "../shared/data/18f-handbook");
if (!fs.existsSync(HANDBOOK) && process.env.CI) throw new Error(`The 18F handbook is missing: expected it at ${HANDBOOK}`);

describe("bulk import", () => {
  it.skipIf(!fs.existsSync(HANDBOOK))("imports the whole 18F handbook, then finds nothing new on a second run", async () => {
    const admin = await createTestUser("admin");
    const files = await collectFiles([HANDBOOK]);
    // Readable by one group only, so the other tests sharing this database do not retrieve it.
    const groups = [`handbook-${Date.now()}`];
    const first = await importFiles(files, { uploadedBy: admin.id, groups });
    console.log(`18F handbook: ${files.length} files: indexed ${first.indexed.length}, skipped ${first.skipped.length}, failed ${first.failed.length}`);
    for (const f of first.failed) console.log(`  failed ${f.file}: ${f.reason}`);
    expect(first.indexed.length).toBeGreaterThan(240);
    expect(first.indexed.length + first.skipped.length + first.failed.length + first.unchanged.length).toBe(files.length);
    const { sources } = await retrieve(askerOf(admin), "How do I request leave?");
    expect(sources.length).toBeGreaterThan(0);

    const again = await importFiles(files, { uploadedBy: admin.id, groups });
    // Same bytes under the same names: nothing to do. (Files that failed are retried, and fail again.)
    expect(again.indexed).toEqual([]);
    expect(again.unchanged).toHaveLength(first.indexed.length);
    expect(again.failed).toHaveLength(first.failed.length);
  }, 600_000);

  it("skips unsupported files with the reason, and reports a missing path", async () => {
    const admin = await createTestUser("admin");
    const dir = writeTempFiles("import-", {});
    fs.writeFileSync(path.join(dir, "tool.exe"), Buffer.from([0x4d, 0x5a, 0, 0, 1, 2, 3]));
    fs.writeFileSync(path.join(dir, `note-${path.basename(dir)}.txt`), "Visitors sign in at reception.");
    const summary = await importFiles(await collectFiles([dir]), { uploadedBy: admin.id });
    expect(summary.indexed).toHaveLength(1);
    expect(summary.skipped).toEqual([{ file: path.join(dir, "tool.exe"), reason: expect.stringMatching(/not a supported document/) }]);
    await expect(collectFiles([path.join(dir, "nope")])).rejects.toThrow(/does not exist/);
  });

  it("finishes what imports killed mid-way accepted but never indexed, rather than calling it unchanged", async () => {
    const admin = await createTestUser("admin");
    const dir = writeTempFiles("resume-", {});
    const file = path.join(dir, `visitors-${path.basename(dir)}.md`);
    fs.writeFileSync(file, "# Visitors\n\nVisitors sign in at reception and wear a badge.\n");
    // What a killed import leaves: the upload accepted and queued, never indexed.
    const accepted = await acceptUpload({ filename: path.basename(file), bytes: fs.readFileSync(file), uploadedBy: admin.id, via: "cli" });

    const again = await importFiles(await collectFiles([file]), { uploadedBy: admin.id });
    expect(again).toMatchObject({ indexed: [file], unchanged: [] });
    expect((await versionStatuses(db(), [accepted.versionId]))[0]!.status).toBe("ready");
  });

  it("uploads a file again, once, when its job is abandoned during the import because earlier imports died on it", async () => {
    const admin = await createTestUser("admin");
    const dir = writeTempFiles("abandoned-", {});
    const file = path.join(dir, `parking-${path.basename(dir)}.md`);
    fs.writeFileSync(file, "# Parking\n\nStaff park on level two of the garage and show their badge at the barrier.\n");
    // What three killed imports leave: the upload accepted, its job out of attempts and in the
    // failed-ingest queue, whose handler the next process to work the queue runs first.
    const accepted = await acceptUpload({ filename: path.basename(file), bytes: fs.readFileSync(file), uploadedBy: admin.id, via: "cli" });
    await (await jobQueue()).send(queues.ingestFailed, { versionId: accepted.versionId });

    const summary = await importFiles(await collectFiles([file]), { uploadedBy: admin.id });
    expect(summary).toMatchObject({ indexed: [file], unchanged: [], failed: [] });
    expect(await versionStatuses(db(), [accepted.versionId])).toEqual([{ id: accepted.versionId, status: "failed", error: ABANDONED_REASON }]);
    // The fresh upload is the document's current version, indexed.
    const { rows } = await db().execute<{ status: string }>(sql`
      SELECT v.status FROM documents d JOIN document_versions v ON v.id = d.current_version_id WHERE d.id = ${accepted.documentId}`);
    expect(rows).toEqual([{ status: "ready" }]);
  });
});
