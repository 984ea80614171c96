import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { findDocument } from "@/db/queries/document-admin";
import { findReadableVersion, listDocuments } from "@/db/queries/documents";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { retrieve } from "../retrieval/retrieve";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { makePdf } from "@/testing/pdf";
import { deleteDocument, retitleDocument } from "./manage";
import { acceptUpload } from "./upload";

// Digits only: a word of letters would be capitalised like the rest of the title.
const code = () => String(Math.floor(Math.random() * 1e9));

/** A PDF with no title of its own and no heading larger than its text: only its file name can name it. */
async function untitledPdf(word: string) {
  const admin = await createTestUser("admin");
  const filename = `benefits_guide_${word}.pdf`;
  const bytes = await makePdf((pdf) => pdf.font("Helvetica").fontSize(11).text(`Dental cover under plan ${word} pays 80 percent of routine treatment.`));
  const upload = await acceptUpload({ filename, bytes: Buffer.from(bytes), uploadedBy: admin.id });
  await drainQueue();
  return { admin, documentId: upload.documentId, filename };
}

async function refusal(work: Promise<unknown>) {
  const err = await work.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

describe("document titles", () => {
  it("a document with no title of its own is named readably after its file", async () => {
    const word = code();
    const { admin, documentId } = await untitledPdf(word);
    expect((await findDocument(db(), documentId))?.title).toBe(`Benefits Guide ${word}`);
    const [row] = await listDocuments(db(), askerOf(admin), { q: word });
    expect(row).toMatchObject({ id: documentId, title: `Benefits Guide ${word}`, latestStatus: "ready" });
  });

  it("an admin's new title shows in the table, the viewer and new citations, and is audited", async () => {
    const word = code();
    const { admin, documentId } = await untitledPdf(word);
    const saved = await retitleDocument(admin, documentId, `  Dental   Benefits ${word}\n`);
    expect(saved).toBe(`Dental Benefits ${word}`);
    const asker = askerOf(admin);
    expect((await listDocuments(db(), asker, { q: word }))[0]?.title).toBe(saved);
    const version = (await findDocument(db(), documentId))!.currentVersionId!;
    expect((await findReadableVersion(db(), asker, documentId, version))?.title).toBe(saved);
    const cited = (await retrieve(asker, `How much does dental cover under plan ${word} pay?`)).sources.find((s) => s.documentId === documentId);
    expect(cited?.title).toBe(saved);
    const [entry] = await listAudit(db(), { action: "document.retitle", targetId: documentId });
    expect(entry).toMatchObject({ actorId: admin.id, details: { from: `Benefits Guide ${word}`, to: saved } });
  });

  it("keeps an admin's title when a new version is indexed, and takes the parsed title otherwise", async () => {
    const word = code();
    const { admin, documentId, filename } = await untitledPdf(word);
    const nextVersion = async (text: string) => {
      const bytes = await makePdf((pdf) => pdf.font("Helvetica").fontSize(11).text(text));
      await acceptUpload({ filename, bytes: Buffer.from(bytes), uploadedBy: admin.id, documentId });
      await drainQueue();
      return (await findDocument(db(), documentId))!.title;
    };
    // Without an edit, each version names the document as it is parsed (here from its file name again).
    expect(await nextVersion(`Dental cover under plan ${word} now pays 85 percent.`)).toBe(`Benefits Guide ${word}`);
    await retitleDocument(admin, documentId, `Dental Benefits ${word}`);
    expect(await nextVersion(`Dental cover under plan ${word} now pays 90 percent.`)).toBe(`Dental Benefits ${word}`);
  });

  it("refuses employees, unknown, deleted and malformed documents, and empty titles, changing nothing", async () => {
    const word = code();
    const { admin, documentId } = await untitledPdf(word);
    const employee = await createTestUser("employee");
    expect(await refusal(retitleDocument(employee, documentId, "Taken over"))).toBe("forbidden");
    expect(await refusal(retitleDocument(admin, randomUUID(), "Nowhere"))).toBe("not_found");
    expect(await refusal(retitleDocument(admin, "not-a-uuid", "Nowhere"))).toBe("not_found");
    expect(await refusal(retitleDocument(admin, documentId, "   "))).toBe("bad_request");
    expect(await refusal(retitleDocument(admin, documentId, "x".repeat(201)))).toBe("bad_request");
    expect((await findDocument(db(), documentId))?.title).toBe(`Benefits Guide ${word}`);
    await deleteDocument(documentId, admin);
    expect(await refusal(retitleDocument(admin, documentId, "Back from the dead"))).toBe("not_found");
    expect(await listAudit(db(), { action: "document.retitle", targetId: documentId })).toEqual([]);
  });
});
