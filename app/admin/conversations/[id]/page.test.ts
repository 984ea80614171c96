import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listAudit } from "@/db/queries/audit";
import type { CurrentUser } from "@/lib/auth/user";
import { askAndStore } from "@/lib/evaluation/ask-and-store";
import { createTestUser } from "@/testing/fixtures";
import { db } from "@/lib/db";
import ConversationReviewPage from "./page";

// Only "who is signed in" is stood in for; the page's queries and the audit log are real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const open = (id: string) => ConversationReviewPage({ params: Promise.resolve({ id }) });

describe("an admin reviewing someone's conversation", () => {
  let conversationId: string;
  let owner: CurrentUser;
  beforeAll(async () => {
    owner = await createTestUser("employee");
    conversationId = (await askAndStore(owner, `Is there a dress code at ${randomUUID()}?`)).conversationId;
  });

  it("is recorded in the audit log, with who looked at whose conversation", async () => {
    const admin = await createTestUser("admin");
    session.user = admin;
    await open(conversationId);
    const entries = await listAudit(db(), { action: "conversation.view", targetId: conversationId });
    expect(entries).toMatchObject([{ actorId: admin.id, actorEmail: admin.email, targetType: "conversation", details: { owner: owner.email } }]);
  });

  it("is not found for anyone else, the owner included, and leaves no audit entry", async () => {
    const before = (await listAudit(db(), { action: "conversation.view", targetId: conversationId })).length;
    for (const user of [owner, await createTestUser("employee"), null]) {
      session.user = user;
      await expect(open(conversationId)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    }
    session.user = await createTestUser("admin");
    await expect(open(randomUUID())).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect(await listAudit(db(), { action: "conversation.view", targetId: conversationId })).toHaveLength(before);
  });
});
