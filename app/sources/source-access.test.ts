import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { findReadableVersion } from "@/db/queries/documents";
import { addUserToGroups, ensureGroups, setDocumentReaders } from "@/db/queries/groups";
import { listAudit } from "@/db/queries/audit";
import { askerOf, type CurrentUser } from "@/lib/auth/user";
import { db } from "@/lib/db";
import { deleteDocument } from "@/lib/ingest/manage";
import { acceptUpload } from "@/lib/ingest/upload";
import { SAMPLE_POLICIES_DIR } from "@/lib/samples";
import { askAndStore } from "@/lib/evaluation/ask-and-store";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { GET as getCitation } from "../api/citations/[messageId]/[n]/route";
import { GET as getFile } from "./[documentId]/[versionId]/file/route";

// Only "who is signed in" is stood in for (the browser tests sign in for real); the handlers,
// queries and database are the real ones.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async () => {
  const { askerOf } = await import("@/lib/auth/user");
  const { AppError } = await import("@/lib/errors");
  return {
    askerOf,
    requireUser: async () => {
      if (!session.user) throw new AppError("unauthorized", "Please sign in to continue.");
      return session.user;
    },
  };
});

const as = (user: CurrentUser | null) => {
  session.user = user;
};
const file = (documentId: string, versionId: string) =>
  getFile(new Request("http://test/file"), { params: Promise.resolve({ documentId, versionId }) });
const citation = (messageId: string, n: string) =>
  getCitation(new Request("http://test/citation"), { params: Promise.resolve({ messageId, n }) });

describe("source files and citation details are only for those who may read them", () => {
  const code = randomUUID().slice(0, 8);
  let admin: CurrentUser, alice: CurrentUser, bob: CurrentUser;
  const docs: Record<"open" | "restricted" | "pdf", { documentId: string; versionId: string }> = {} as never;
  let restrictedAnswer: string, openAnswer: string;
  let pdfBytes: Buffer;

  beforeAll(async () => {
    admin = await createTestUser("admin");
    alice = await createTestUser("employee");
    bob = await createTestUser("employee");
    const [finance] = await ensureGroups(db(), [`finance-${code}`]);
    await addUserToGroups(db(), alice.id, [finance!]);
    pdfBytes = await readFile(path.join(SAMPLE_POLICIES_DIR, "expenses-policy.pdf"));
    const uploads = {
      open: await acceptUpload({ filename: `parking-${code}.md`, bytes: Buffer.from(`# Parking ${code}\n\nStaff park on level 2 of garage ${code}, with a badge.\n`), uploadedBy: admin.id }),
      restricted: await acceptUpload({
        filename: `Gehaltsbänder "${code}".md`,
        bytes: Buffer.from(`# Salary Bands ${code}\n\nBand ${code} pays 70,000 euros a year.\n`),
        uploadedBy: admin.id,
        groups: [`finance-${code}`],
      }),
      pdf: await acceptUpload({ filename: `expenses-${code}.pdf`, bytes: pdfBytes, uploadedBy: admin.id }),
    };
    for (const [key, upload] of Object.entries(uploads)) {
      if (upload.outcome !== "queued") throw new Error(`upload ${key}: ${upload.outcome}`);
      docs[key as keyof typeof docs] = { documentId: upload.documentId, versionId: upload.versionId };
    }
    await drainQueue();
    restrictedAnswer = (await askAndStore(alice, `How much does band ${code} pay?`)).messageId;
    openAnswer = (await askAndStore(alice, `Where do staff park in garage ${code}?`)).messageId;
  });

  it("the owner of the answer gets the citation's details while they may read the source", async () => {
    as(alice);
    const response = await citation(restrictedAnswer, "1");
    expect(response.status).toBe(200);
    const details = await response.json();
    expect(details).toMatchObject({ title: `Salary Bands ${code}`, version: 1, currentVersion: 1, deleted: false, section: [`Salary Bands ${code}`] });
    expect(details.snippet).toContain("70,000 euros");
    expect(details.viewerUrl).toMatch(new RegExp(`^/sources/${docs.restricted.documentId}/${docs.restricted.versionId}\\?chunk=[0-9a-f-]{36}&mark=\\d+-\\d+(,\\d+-\\d+)*$`));
  });

  it("someone else gets 404 for the details, even an admin, and so does a missing or malformed citation", async () => {
    for (const user of [bob, admin]) {
      as(user);
      expect((await citation(restrictedAnswer, "1")).status).toBe(404);
    }
    as(alice);
    expect((await citation(restrictedAnswer, "2")).status).toBe(404);
    expect((await citation(restrictedAnswer, "one")).status).toBe(404);
    expect((await citation(randomUUID(), "1")).status).toBe(404);
    as(null);
    expect((await citation(restrictedAnswer, "1")).status).toBe(401);
  });

  it("the file downloads with its type, a safe attachment name and nosniff, for readers only", async () => {
    as(alice);
    const response = await file(docs.restricted.documentId, docs.restricted.versionId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Gehaltsb_nder _${code}_.md"; filename*=UTF-8''Gehaltsb%C3%A4nder%20%22${code}%22.md`,
    );
    expect(await response.text()).toContain(`Band ${code} pays 70,000 euros`);

    as(bob);
    expect((await file(docs.restricted.documentId, docs.restricted.versionId)).status).toBe(404);
    expect((await file(docs.open.documentId, docs.open.versionId)).status).toBe(200);
    // A version id of another document does not open this one.
    expect((await file(docs.open.documentId, docs.restricted.versionId)).status).toBe(404);
    expect((await file("not-a-uuid", docs.open.versionId)).status).toBe(404);

    as(admin);
    const pdf = await file(docs.pdf.documentId, docs.pdf.versionId);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).equals(pdfBytes)).toBe(true);
    const downloads = await listAudit(db(), { action: "document.download", targetId: docs.pdf.documentId });
    expect(downloads.map((d) => d.actorId)).toEqual([admin.id]);
  });

  it("a reader who loses access gets 404 for the viewer, the file and the details alike", async () => {
    const [other] = await ensureGroups(db(), [`legal-${code}`]);
    await setDocumentReaders(db(), docs.restricted.documentId, [other!]);
    as(alice);
    expect(await findReadableVersion(db(), askerOf(alice), docs.restricted.documentId, docs.restricted.versionId)).toBeNull();
    expect((await file(docs.restricted.documentId, docs.restricted.versionId)).status).toBe(404);
    expect((await citation(restrictedAnswer, "1")).status).toBe(404);
  });

  it("a deleted source's file is gone for everyone; its citation only says it was deleted", async () => {
    as(alice);
    expect((await citation(openAnswer, "1")).status).toBe(200);
    await deleteDocument(docs.open.documentId, admin);
    for (const user of [alice, admin]) {
      as(user);
      expect((await file(docs.open.documentId, docs.open.versionId)).status).toBe(404);
    }
    as(alice);
    const details = await (await citation(openAnswer, "1")).json();
    expect(details).toMatchObject({ title: `Parking ${code}`, deleted: true, snippet: "", section: [], page: null });
  });
});
