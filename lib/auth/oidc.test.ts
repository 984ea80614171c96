import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { findGroupsByIds } from "@/db/queries/group-admin";
import { findUserByEmail } from "@/db/queries/users";
import { groupIdsOfUser } from "@/db/queries/user-admin";
import { setUserActive } from "../admin/users";
import { db } from "../db";
import { createTestUser } from "../testing/fixtures";
import { activeUser } from "./active-user";
import { signInFromProvider, type OidcSettings } from "./oidc";

const settings: OidcSettings = {
  issuer: "http://idp.test",
  clientId: "groundwork",
  clientSecret: "secret",
  name: "Test IdP",
  scopes: "openid email profile",
  groupsClaim: "groups",
  adminGroup: "groundwork-admins",
  requireVerifiedEmail: true,
};

const groupNames = async (userId: string) => (await findGroupsByIds(db(), await groupIdsOfUser(db(), userId))).map((g) => g.name).sort();

describe("sign-in through an OpenID Connect provider", () => {
  it("creates the account on first sign-in and keeps its groups in step with the groups claim", async () => {
    const email = `okta-${randomUUID()}@example.com`;
    const [finance, legal] = [`finance-${randomUUID()}`, `legal-${randomUUID()}`];
    const first = await signInFromProvider({ email: email.toUpperCase(), email_verified: true, name: "Olga", groups: [finance, legal] }, settings);
    expect(first.ok).toBe(true);
    const user = (await findUserByEmail(db(), email))!;
    expect(user).toMatchObject({ name: "Olga", role: "employee" });
    expect(await groupNames(user.id)).toEqual([finance, legal].sort());

    const again = await signInFromProvider({ email, email_verified: true, groups: [legal] }, settings);
    expect(again).toEqual({ ok: true, userId: user.id });
    expect(await groupNames(user.id)).toEqual([legal]);
    const changes = (await listAudit(db(), { actor: email })).map((e) => [e.action, (e.details as { group?: string }).group]);
    expect(changes).toEqual(expect.arrayContaining([["group.member_remove", finance], ["group.member_add", finance], ["group.member_add", legal]]));
    expect(await listAudit(db(), { action: "user.create", targetId: user.id })).toMatchObject([{ details: { source: "oidc" } }]);
  });

  it("the admin group decides the role; a single-string claim counts as one group", async () => {
    const email = `entra-${randomUUID()}@example.com`;
    const outcome = await signInFromProvider({ email, email_verified: true, groups: "groundwork-admins" }, settings);
    expect(outcome.ok && (await activeUser(outcome.userId))?.role).toBe("admin");
    const other = await createTestUser("admin"); // so that the demotion below is not of the last admin
    const demoted = await signInFromProvider({ email, email_verified: true, groups: [] }, settings);
    expect(demoted.ok && (await activeUser(demoted.userId))?.role).toBe("employee");
    expect(other.role).toBe("admin");
  });

  it("refuses unverified email addresses and deactivated accounts", async () => {
    expect(await signInFromProvider({ email: `x-${randomUUID()}@example.com`, email_verified: false }, settings)).toEqual({ ok: false, reason: "unverified_email" });
    expect(await signInFromProvider({ email_verified: true }, settings)).toEqual({ ok: false, reason: "unverified_email" });
    const admin = await createTestUser("admin");
    const employee = await createTestUser("employee");
    await setUserActive(admin, employee.id, false);
    expect(await signInFromProvider({ email: employee.email, email_verified: true, groups: ["x"] }, settings)).toEqual({ ok: false, reason: "inactive" });
    expect(await groupIdsOfUser(db(), employee.id)).toEqual([]);
  });

  it("without a groups claim configured, memberships set by administrators stay as they are", async () => {
    const email = `google-${randomUUID()}@example.com`;
    const outcome = await signInFromProvider({ email, email_verified: true, groups: ["ignored"] }, { ...settings, groupsClaim: null });
    expect(outcome.ok && (await groupIdsOfUser(db(), outcome.userId))).toEqual([]);
  });
});
