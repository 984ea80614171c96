import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { listGroupsWithCounts } from "@/db/queries/group-admin";
import { groupIdsOfUser, listUsersWithGroups, updateUser } from "@/db/queries/user-admin";
import { users } from "@/db/schema";
import { db } from "../db";
import { activeUser } from "../auth/active-user";
import { verifyPassword } from "../auth/password";
import { createTestUser } from "@/testing/fixtures";
import { createGroup } from "./groups";
import { createUserAsAdmin, setGroupsOfUser, setUserActive, setUserRole } from "./users";

const unique = () => Math.random().toString(36).slice(2, 10);

/** Makes `keep` the only active administrators in this test database. */
async function onlyAdmins(...keep: string[]) {
  for (const u of await db().select().from(users).where(eq(users.role, "admin"))) {
    if (!keep.includes(u.id)) await updateUser(db(), u.id, { role: "employee" });
  }
}

describe("user administration", () => {
  it("creates a user with role, password and groups, audited; a taken email is a conflict", async () => {
    const admin = await createTestUser("admin");
    const group = await createGroup(admin, `finance-${unique()}`);
    const email = `new-${unique()}@example.com`;
    const user = await createUserAsAdmin(admin, { name: "Nina", email: email.toUpperCase(), password: "initial pass 1", role: "employee", groupIds: [group.id] });
    expect(user).toMatchObject({ email, role: "employee", active: true });
    expect(await verifyPassword(user.passwordHash, "initial pass 1")).toBe(true);
    expect(await groupIdsOfUser(db(), user.id)).toEqual([group.id]);
    expect(await listAudit(db(), { action: "user.create", targetId: user.id })).toMatchObject([{ actorId: admin.id, actorEmail: admin.email, details: { email, role: "employee" } }]);
    await expect(createUserAsAdmin(admin, { name: "N", email, password: "another pass", role: "employee" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createUserAsAdmin(admin, { name: "N", email: `x-${unique()}@example.com`, password: "short", role: "employee" })).rejects.toMatchObject({
      code: "bad_request",
      message: "Use at least 8 characters for your password.",
    });
    await expect(createUserAsAdmin(admin, { name: "N", email: `x-${unique()}@example.com`, password: "long enough", role: "owner" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("deactivation ends access on the next request and reactivation restores it", async () => {
    const admin = await createTestUser("admin");
    const employee = await createTestUser("employee");
    expect(await activeUser(employee.id)).toMatchObject({ id: employee.id });
    await setUserActive(admin, employee.id, false);
    expect(await activeUser(employee.id)).toBeNull();
    await setUserActive(admin, employee.id, true);
    expect(await activeUser(employee.id)).toMatchObject({ id: employee.id });
    const actions = (await listAudit(db(), { targetId: employee.id })).map((e) => e.action);
    expect(actions).toEqual(["user.reactivate", "user.deactivate"]);
  });

  it("nobody deactivates themselves, and the last active administrator can be neither deactivated nor demoted", async () => {
    const admin = await createTestUser("admin");
    await expect(setUserActive(admin, admin.id, false)).rejects.toMatchObject({ message: "You cannot deactivate your own account." });
    const other = await createTestUser("admin");
    await onlyAdmins(admin.id, other.id);
    await setUserRole(admin, other.id, "employee");
    await expect(setUserRole(other, admin.id, "employee")).rejects.toMatchObject({ message: expect.stringContaining("last active administrator") });
    await setUserRole(admin, other.id, "admin");
    await setUserActive(admin, other.id, false);
    // `other` is deactivated: `admin` is the last active one, so demoting them is refused too.
    await expect(setUserRole(admin, admin.id, "employee")).rejects.toMatchObject({ code: "bad_request" });
    expect(await activeUser(admin.id)).toMatchObject({ role: "admin" });
  });

  it("two administrators deactivating each other at once leave one active administrator", async () => {
    const a = await createTestUser("admin");
    const b = await createTestUser("admin");
    await onlyAdmins(a.id, b.id);
    const results = await Promise.allSettled([setUserActive(a, b.id, false), setUserActive(b, a.id, false)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const stillActive = [await activeUser(a.id), await activeUser(b.id)].filter(Boolean);
    expect(stillActive).toHaveLength(1);
  });

  it("editing a user's groups audits each membership added and removed", async () => {
    const admin = await createTestUser("admin");
    const employee = await createTestUser("employee");
    const [g1, g2] = [await createGroup(admin, `g1-${unique()}`), await createGroup(admin, `g2-${unique()}`)];
    await setGroupsOfUser(admin, employee.id, [g1.id]);
    await setGroupsOfUser(admin, employee.id, [g2.id]);
    expect(await groupIdsOfUser(db(), employee.id)).toEqual([g2.id]);
    // What the users and groups pages list.
    expect(await listUsersWithGroups(db(), { q: employee.email })).toMatchObject([{ id: employee.id, groups: [{ id: g2.id, name: g2.name }] }]);
    const counts = await listGroupsWithCounts(db());
    expect(counts.find((g) => g.id === g1.id)).toMatchObject({ members: 0, documents: 0 });
    expect(counts.find((g) => g.id === g2.id)).toMatchObject({ members: 1, documents: 0 });
    expect((await listAudit(db(), { targetId: g1.id })).map((e) => e.action)).toEqual(["group.member_remove", "group.member_add", "group.create"]);
    await expect(setGroupsOfUser(admin, employee.id, ["00000000-0000-4000-8000-000000000000"])).rejects.toMatchObject({ code: "bad_request" });
  });
});
