import { describe, expect, it } from "vitest";
import { registerChatModel } from "@/db/queries/chat-models";
import { inviteUser } from "./admin/invites";
import { db } from "./db";
import { deleteDocument } from "./ingest/manage";
import { acceptUpload } from "./ingest/upload";
import { firstRunProgress } from "./setup";
import { createTestUser } from "@/testing/fixtures";

describe("first-run progress", () => {
  it("counts live documents, people, open invitations and models other than the built-in one", async () => {
    const admin = await createTestUser("admin");
    const before = await firstRunProgress();
    const code = Math.random().toString(36).slice(2, 10);

    const kept = await acceptUpload({ filename: `kept-${code}.md`, bytes: Buffer.from(`# Kept ${code}\n\nText.\n`), uploadedBy: admin.id });
    const removed = await acceptUpload({ filename: `removed-${code}.md`, bytes: Buffer.from(`# Removed ${code}\n\nText.\n`), uploadedBy: admin.id });
    await deleteDocument(removed.documentId, admin);
    await createTestUser("employee");
    await inviteUser(admin, { email: `new-${code}@example.com`, role: "employee", groupIds: [] });
    await registerChatModel(db(), { name: `local-${code}`, provider: "openai-compatible", model: "llama3.1:8b", baseUrl: "http://localhost:11434/v1", kind: "base" });

    const after = await firstRunProgress();
    expect(kept.documentId).toBeTruthy();
    expect(after).toEqual({
      documents: before.documents + 1, // the deleted one does not count
      users: before.users + 1,
      openInvites: before.openInvites + 1,
      connectedModels: before.connectedModels + 1,
    });
  });
});
