import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { listVersions } from "@/db/queries/document-admin";
import { listDocuments } from "@/db/queries/documents";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { retrieve } from "../retrieval/retrieve";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { acceptUpload } from "./upload";

const unique = () => Math.random().toString(36).slice(2, 10);

function policy(code: string, days: string) {
  return `# Sabbatical Policy ${code}

## Eligibility
Employees with five years of service may take a sabbatical of ${days} weeks, referenced as ${code}.

## Pay
Sabbatical leave is paid at full salary for the first four weeks.
`;
}

describe("ingest to retrieval, on a real database", () => {
  it("indexes an upload in the background and retrieves it with its heading path", async () => {
    const admin = await createTestUser("admin");
    const code = `SAB-${unique()}`;
    const upload = await acceptUpload({ filename: `sabbatical-${code}.md`, bytes: Buffer.from(policy(code, "six")), uploadedBy: admin.id });
    expect(upload.outcome).toBe("queued");

    const before = await listDocuments(db(), askerOf(admin));
    expect(before.find((d) => d.id === upload.documentId)?.latestStatus).toBe("queued");
    await drainQueue();
    const after = (await listDocuments(db(), askerOf(admin))).find((d) => d.id === upload.documentId);
    expect(after).toMatchObject({ latestStatus: "ready", title: `Sabbatical Policy ${code}`, currentVersion: 1 });
    // What the documents table shows besides: chunks, size, uploader (pages only for PDFs).
    expect(after!.chunks).toBeGreaterThan(0);
    expect(after).toMatchObject({ sizeBytes: Buffer.byteLength(policy(code, "six")), uploadedBy: admin.name, pages: null });

    const employee = await createTestUser("employee");
    const { sources } = await retrieve(askerOf(employee), `How long is a sabbatical under ${code}?`);
    expect(sources[0]).toMatchObject({ n: 1, documentId: upload.documentId, versionNumber: 1 });
    expect(sources[0]!.text).toContain("six weeks");
    expect(sources[0]!.headingPath).toContain("Eligibility");
  });

  it("treats an identical re-upload as a no-op and a changed one as version 2, retrieving only the current version", async () => {
    const admin = await createTestUser("admin");
    const code = `SAB-${unique()}`;
    const filename = `sabbatical-${code}.md`;
    const first = await acceptUpload({ filename, bytes: Buffer.from(policy(code, "six")), uploadedBy: admin.id });
    await drainQueue();
    const same = await acceptUpload({ filename, bytes: Buffer.from(policy(code, "six")), uploadedBy: admin.id });
    expect(same).toMatchObject({ outcome: "unchanged", documentId: first.documentId, number: 1 });

    const second = await acceptUpload({ filename, bytes: Buffer.from(policy(code, "eight")), uploadedBy: admin.id });
    expect(second).toMatchObject({ outcome: "queued", documentId: first.documentId, number: 2 });
    await drainQueue();
    const { sources } = await retrieve(askerOf(admin), `sabbatical weeks ${code}`);
    const ours = sources.filter((s) => s.documentId === first.documentId);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((s) => s.versionNumber === 2)).toBe(true);
    expect(ours.map((s) => s.text).join(" ")).toContain("eight weeks");
    expect(ours.map((s) => s.text).join(" ")).not.toContain("six weeks");
  });

  it("retrieves a group-restricted document only for members of its groups, filtered in the query", async () => {
    const admin = await createTestUser("admin");
    const code = `SAB-${unique()}`;
    const group = `finance-${unique()}`;
    const upload = await acceptUpload({ filename: `restricted-${code}.md`, bytes: Buffer.from(policy(code, "ten")), uploadedBy: admin.id, groups: [group] });
    await drainQueue();
    const outsider = await createTestUser("employee");
    const member = await createTestUser("employee");
    await addUserToGroups(db(), member.id, await ensureGroups(db(), [group]));
    const question = `How long is a sabbatical under ${code}?`;
    expect((await retrieve(askerOf(outsider), question)).sources.filter((s) => s.documentId === upload.documentId)).toEqual([]);
    expect((await retrieve(askerOf(member), question)).sources[0]?.documentId).toBe(upload.documentId);
  });

  it("indexes a partly scanned PDF's text pages and reports the pages without a text layer", async () => {
    const admin = await createTestUser("admin");
    const code = unique();
    const pdf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument();
      const parts: Buffer[] = [];
      doc.on("data", (b: Buffer) => parts.push(b));
      doc.on("end", () => resolve(Buffer.concat(parts)));
      doc.fontSize(14).text(`Fire drill ${code}: assemble in the north car park within five minutes.`);
      doc.addPage().rect(50, 50, 400, 600).fill("#999"); // a page that is only an image, as a scan is
      doc.end();
    });
    const upload = await acceptUpload({ filename: `drill-${code}.pdf`, bytes: pdf, uploadedBy: admin.id });
    await drainQueue();
    const [version] = await listVersions(db(), upload.documentId);
    expect(version).toMatchObject({ status: "ready", pageCount: 2, pagesWithoutText: [2] });
    const row = (await listDocuments(db(), askerOf(admin))).find((d) => d.id === upload.documentId);
    expect(row?.pagesWithoutText).toEqual([2]);
  });

  it("rejects a file over the size limit before storing anything", async () => {
    const admin = await createTestUser("admin");
    const huge = Buffer.alloc(25 * 1024 * 1024 + 1, "a");
    await expect(acceptUpload({ filename: "huge.txt", bytes: huge, uploadedBy: admin.id })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/larger than the 25 MB limit/),
    });
  });

  it("returns nothing for a question unrelated to any document", async () => {
    const employee = await createTestUser("employee");
    const { sources } = await retrieve(askerOf(employee), "Who won the football world cup in 1954?");
    expect(sources).toEqual([]);
  });

  it("rejects empty, unsupported and disguised files with a clear message and stores nothing", async () => {
    const admin = await createTestUser("admin");
    const count = async () => (await listDocuments(db(), askerOf(admin))).length;
    const before = await count();
    await expect(acceptUpload({ filename: "empty.md", bytes: new Uint8Array(), uploadedBy: admin.id })).rejects.toThrow(/empty/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await expect(acceptUpload({ filename: "policy.md", bytes: png, uploadedBy: admin.id })).rejects.toMatchObject({ code: "unsupported_media_type" });
    await expect(acceptUpload({ filename: "tool.exe", bytes: Buffer.from("MZ\u0000\u0000binary"), uploadedBy: admin.id })).rejects.toMatchObject({ code: "unsupported_media_type" });
    expect(await count()).toBe(before);
  });

  it("strips path traversal from a filename, which is only ever a label", async () => {
    const admin = await createTestUser("admin");
    const code = unique();
    const result = await acceptUpload({ filename: `../../etc/${code}.txt`, bytes: Buffer.from(`Policy ${code}: badges are worn at all times.`), uploadedBy: admin.id });
    expect(result.filename).toBe(`etc/${code}.txt`);
    await drainQueue();
  });
});
