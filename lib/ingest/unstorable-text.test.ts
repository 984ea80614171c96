import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listDocuments } from "@/db/queries/documents";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { retrieve } from "../retrieval/retrieve";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { handWrittenPdf } from "@/testing/pdf";
import { failureReason } from "./errors";
import { acceptUpload } from "./upload";

const unique = () => Math.random().toString(36).slice(2, 10);

describe("text PostgreSQL cannot store", () => {
  it("indexes a PDF whose font maps a character to NUL, without it, and the next upload is not held up", async () => {
    const admin = await createTestUser("admin");
    const code = `VIS-${unique()}`;
    // "~" reads as U+0000 through the font's ToUnicode table, as in real PDFs that crashed ingestion.
    const poisoned = handWrittenPdf(`Visitors~ sign in at reception under rule ${code}.~`, { "~": 0 });
    const first = await acceptUpload({ filename: `visitors-${code}.pdf`, bytes: poisoned, uploadedBy: admin.id });
    const second = await acceptUpload({ filename: `badges-${code}.md`, bytes: Buffer.from(`# Badges ${code}\n\nBadges are worn at all times.`), uploadedBy: admin.id });
    await drainQueue();

    const docs = await listDocuments(db(), askerOf(admin));
    expect(docs.find((d) => d.id === first.documentId)?.latestStatus).toBe("ready");
    expect(docs.find((d) => d.id === second.documentId)?.latestStatus).toBe("ready");
    const { sources } = await retrieve(askerOf(admin), `visitors reception ${code}`);
    const source = sources.find((s) => s.documentId === first.documentId);
    expect(source?.text).toContain(`Visitors sign in at reception under rule ${code}.`);
    expect(source?.text).not.toContain("\u0000");
  });

  it("records a database failure by its cause, never with the query or the document's text", async () => {
    const secret = `Confidential salary table ${unique()}`;
    const err = await db().execute(sql`SELECT ${`${secret}\u0000`}::text`).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    // What the database driver reports carries the query and its parameters: the document's text.
    expect(String((err as Error).message) + String((err as Error).cause ?? "")).toContain("SELECT");
    const reason = failureReason(err);
    expect(reason).not.toContain(secret.slice(0, 12));
    expect(reason).not.toMatch(/select|params/i);
    expect(reason).not.toContain("\u0000");
    expect(reason.length).toBeLessThanOrEqual(300);
    expect(reason).toMatch(/could not be stored|database/i);
  });
});
