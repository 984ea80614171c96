import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { findDocument } from "@/db/queries/document-admin";
import { findReadableVersion } from "@/db/queries/documents";
import { groupMembers, listGroupsWithCounts } from "@/db/queries/group-admin";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { setReaders } from "../ingest/manage";
import { acceptUpload } from "../ingest/upload";
import { retrieve } from "../retrieval/retrieve";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { addGroupMember, createGroup, deleteGroupAsAdmin, removeGroupMember, renameGroupAsAdmin } from "./groups";

const unique = () => Math.random().toString(36).slice(2, 10);

async function restrictedDocument(code: string, groupName: string) {
  const admin = await createTestUser("admin");
  const upload = await acceptUpload({
    filename: `bonus-${code}.md`,
    bytes: Buffer.from(`# Bonus plan ${code}\n\nThe ${code} bonus pool is 4 percent of salary.\n`),
    uploadedBy: admin.id,
    groups: [groupName],
  });
  await drainQueue();
  const { versionId } = upload;
  const question = `How big is the ${code} bonus pool?`;
  return { admin, documentId: upload.documentId, versionId, question };
}

describe("groups", () => {
  it("create, rename and delete are validated and audited", async () => {
    const admin = await createTestUser("admin");
    const name = `legal-${unique()}`;
    const group = await createGroup(admin, `  ${name} `);
    expect(group.name).toBe(name);
    await expect(createGroup(admin, name)).rejects.toMatchObject({ code: "conflict", message: `A group named "${name}" already exists.` });
    await expect(createGroup(admin, "   ")).rejects.toMatchObject({ code: "bad_request", message: "Enter a group name." });
    const other = await createGroup(admin, `other-${unique()}`);
    await expect(renameGroupAsAdmin(admin, other.id, name)).rejects.toMatchObject({ code: "conflict" });
    await renameGroupAsAdmin(admin, group.id, `${name}-renamed`);
    await deleteGroupAsAdmin(admin, group.id);
    await expect(deleteGroupAsAdmin(admin, group.id)).rejects.toMatchObject({ code: "not_found" });
    const entries = await listAudit(db(), { targetType: "group", targetId: group.id });
    expect(entries.map((e) => [e.action, e.actorEmail])).toEqual([
      ["group.delete", admin.email],
      ["group.rename", admin.email],
      ["group.create", admin.email],
    ]);
    expect(entries[1]!.details).toEqual({ from: name, to: `${name}-renamed` });
  });

  it("membership grants reading on the next question; removal takes it away on the next one", async () => {
    const groupName = `board-${unique()}`;
    const { admin, documentId, versionId, question } = await restrictedDocument(`B${unique()}`, groupName);
    const employee = await createTestUser("employee");
    const sees = async () => (await retrieve(askerOf(employee), question)).sources.some((s) => s.documentId === documentId);
    const opens = async () => (await findReadableVersion(db(), askerOf(employee), documentId, versionId)) !== null;
    expect([await sees(), await opens()]).toEqual([false, false]);
    const groupId = (await findDocument(db(), documentId))!.groupIds[0]!;
    await addGroupMember(admin, groupId, { email: employee.email.toUpperCase() });
    expect(await groupMembers(db(), groupId)).toMatchObject([{ id: employee.id }]);
    expect((await listGroupsWithCounts(db())).find((g) => g.id === groupId)).toMatchObject({ name: groupName, members: 1, documents: 1 });
    expect([await sees(), await opens()]).toEqual([true, true]);
    await removeGroupMember(admin, groupId, employee.id);
    expect([await sees(), await opens()]).toEqual([false, false]);
    await expect(addGroupMember(admin, groupId, { email: "nobody@example.com" })).rejects.toMatchObject({ code: "not_found" });
    expect((await listAudit(db(), { targetId: groupId })).map((e) => e.action).slice(0, 2)).toEqual(["group.member_remove", "group.member_add"]);
  });

  it("changing a document's groups takes effect on the next request", async () => {
    const groupName = `ops-${unique()}`;
    const { admin, documentId, versionId, question } = await restrictedDocument(`O${unique()}`, groupName);
    const employee = await createTestUser("employee");
    const groupId = (await findDocument(db(), documentId))!.groupIds[0]!;
    await addGroupMember(admin, groupId, { userId: employee.id });
    expect(await findReadableVersion(db(), askerOf(employee), documentId, versionId)).not.toBeNull();
    await setReaders(documentId, { groups: [`elsewhere-${unique()}`] }, admin);
    expect(await findReadableVersion(db(), askerOf(employee), documentId, versionId)).toBeNull();
    expect((await retrieve(askerOf(employee), question)).sources.map((s) => s.documentId)).not.toContain(documentId);
    expect(await listAudit(db(), { action: "document.readers_set", targetId: documentId })).toHaveLength(1);
  });

  it("deleting a group never makes its documents public", async () => {
    const groupName = `secret-${unique()}`;
    const { admin, documentId, versionId, question } = await restrictedDocument(`S${unique()}`, groupName);
    const employee = await createTestUser("employee");
    const groupId = (await findDocument(db(), documentId))!.groupIds[0]!;
    await addGroupMember(admin, groupId, { userId: employee.id });
    await deleteGroupAsAdmin(admin, groupId);
    expect(await findDocument(db(), documentId)).toMatchObject({ readableByEveryone: false, groupIds: [] });
    expect(await findReadableVersion(db(), askerOf(employee), documentId, versionId)).toBeNull();
    const stranger = await createTestUser("employee");
    expect((await retrieve(askerOf(stranger), question)).sources.map((s) => s.documentId)).not.toContain(documentId);
    // Administrators still read it, to give it new readers.
    expect(await findReadableVersion(db(), askerOf(admin), documentId, versionId)).not.toBeNull();
  });
});
