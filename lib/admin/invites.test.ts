import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { groupIdsOfUser } from "@/db/queries/user-admin";
import { db } from "../db";
import { verifyPassword } from "../auth/password";
import { createTestUser } from "@/testing/fixtures";
import { createGroup } from "./groups";
import { acceptInvite, inviteUser, openInvite } from "./invites";

const unique = () => Math.random().toString(36).slice(2, 10);

describe("invitations", () => {
  it("an invitee sets name and password once; the account gets the invited role and groups", async () => {
    const admin = await createTestUser("admin");
    const group = await createGroup(admin, `hr-${unique()}`);
    const email = `invitee-${unique()}@example.com`;
    const { token } = await inviteUser(admin, { email, role: "admin", groupIds: [group.id] });
    expect(await openInvite(token)).toMatchObject({ email, role: "admin" });
    const user = await acceptInvite(token, { name: "Ivy", password: "my own password" });
    expect(user).toMatchObject({ email, name: "Ivy", role: "admin", active: true });
    expect(await verifyPassword(user.passwordHash, "my own password")).toBe(true);
    expect(await groupIdsOfUser(db(), user.id)).toEqual([group.id]);
    expect(await openInvite(token)).toBeNull();
    await expect(acceptInvite(token, { name: "Eve", password: "another password" })).rejects.toMatchObject({ code: "not_found" });
    const actions = (await listAudit(db(), { actor: email })).map((e) => e.action);
    expect(actions).toContain("user.invite_accept");
    expect(await listAudit(db(), { action: "user.invite", actor: admin.email })).toMatchObject([{ details: { email, role: "admin" } }]);
  });

  it("a link accepted twice at once creates one account", async () => {
    const admin = await createTestUser("admin");
    const { token } = await inviteUser(admin, { email: `race-${unique()}@example.com`, role: "employee" });
    const results = await Promise.allSettled([1, 2, 3].map((n) => acceptInvite(token, { name: `n${n}`, password: "password123" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("expired links, unknown tokens, bad input and existing accounts are refused with a clear reason", async () => {
    const admin = await createTestUser("admin");
    const email = `late-${unique()}@example.com`;
    const { token } = await inviteUser(admin, { email, role: "employee" });
    await db().execute(sql`UPDATE invites SET expires_at = now() - interval '1 second' WHERE email = ${email}`);
    expect(await openInvite(token)).toBeNull();
    await expect(acceptInvite(token, { name: "Late", password: "password123" })).rejects.toMatchObject({ message: expect.stringContaining("expired") });
    await expect(acceptInvite("not-a-token", { name: "X", password: "password123" })).rejects.toMatchObject({ code: "not_found" });
    const fresh = await inviteUser(admin, { email: `ok-${unique()}@example.com`, role: "employee" });
    await expect(acceptInvite(fresh.token, { name: "X", password: "short" })).rejects.toMatchObject({ code: "bad_request" });
    expect(await openInvite(fresh.token)).not.toBeNull(); // a failed attempt does not use the link up
    await expect(inviteUser(admin, { email: admin.email, role: "employee" })).rejects.toMatchObject({ code: "conflict" });
    await expect(inviteUser(admin, { email: "not an email", role: "employee" })).rejects.toMatchObject({ code: "bad_request" });
  });
});
