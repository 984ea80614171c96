import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import type { CurrentUser } from "@/lib/auth/user";
import { db } from "@/lib/db";
import { acceptUpload } from "@/lib/ingest/upload";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { GET } from "./route";

// Only "who is signed in" is stood in for; the handler, queries and database are the real ones.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireUser: async () => {
      if (!session.user) throw new AppError("unauthorized", "Please sign in to continue.");
      return session.user;
    },
  };
});

async function startersFor(user: CurrentUser | null) {
  session.user = user;
  const response = await GET(new Request("http://test/api/starters"));
  return { status: response.status, starters: response.ok ? ((await response.json()) as { starters: string[] }).starters : [] };
}

describe("GET /api/starters", () => {
  it("gives a signed-in user questions from the documents they may read once those are ready, and no one else any", async () => {
    const admin = await createTestUser("admin");
    const tag = randomUUID().slice(0, 6);
    const group = `payroll-${tag}`;
    // Titles starting "Aaa" come first among the documents the questions are drawn from.
    await acceptUpload({ filename: `aaa-canteen-${tag}.md`, bytes: Buffer.from(`# Aaa Canteen ${tag}\n\n## Opening Hours ${tag}\n\nThe canteen opens at noon.\n`), uploadedBy: admin.id });
    await acceptUpload({ filename: `aaa-bonus-${tag}.md`, bytes: Buffer.from(`# Aaa Bonus ${tag}\n\n## Bonus Rounds ${tag}\n\nBonuses are paid in March.\n`), uploadedBy: admin.id, groups: [group] });
    const outsider = await createTestUser("employee");
    const insider = await createTestUser("employee");
    await addUserToGroups(db(), insider.id, await ensureGroups(db(), [group]));

    // Not ready yet: no question about them.
    expect((await startersFor(outsider)).starters.join("\n")).not.toContain(tag);
    await drainQueue();

    const forOutsider = await startersFor(outsider);
    expect(forOutsider.status).toBe(200);
    expect(forOutsider.starters).toContain(`What does the Aaa Canteen ${tag} document say about opening hours ${tag}?`);
    expect(forOutsider.starters.join("\n")).not.toContain("Bonus");
    expect((await startersFor(insider)).starters).toContain(`What does the Aaa Bonus ${tag} document say about bonus rounds ${tag}?`);
    expect(await startersFor(null)).toMatchObject({ status: 401, starters: [] });
  });
});
