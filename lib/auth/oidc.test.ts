import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { findGroupsByIds } from "@/db/queries/group-admin";
import { findUserByEmail } from "@/db/queries/users";
import { groupIdsOfUser } from "@/db/queries/user-admin";
import { signupSettings, users } from "@/db/schema";
import { inviteUser, openInvite } from "../admin/invites";
import { createGroup } from "../admin/groups";
import { setUserActive } from "../admin/users";
import { db } from "../db";
import { createTestUser } from "@/testing/fixtures";
import { activeUser } from "./active-user";
import { signInFromProvider, type OidcSettings } from "./oidc";
import { setSignupPolicy } from "./signup-policy";

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
  // Single sign-on creates accounts only where the sign-up policy admits them (tested below).
  beforeAll(async () => {
    await setSignupPolicy(await createTestUser("admin"), { policy: "sso-only", domains: "" });
  });
  afterAll(async () => {
    await db().delete(signupSettings);
  });

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

describe("single sign-on under the sign-up policy", () => {
  let admin: Awaited<ReturnType<typeof createTestUser>>;
  beforeAll(async () => {
    admin = await createTestUser("admin");
  });
  afterAll(async () => {
    await db().delete(signupSettings);
  });
  const vouched = (email: string, groups?: string[]) => ({ email, email_verified: true, name: "Newcomer", ...(groups && { groups }) });

  it("invitation only: the provider's word is not an invitation, but an open invitation for the address is, once", async () => {
    await setSignupPolicy(admin, { policy: "invite", domains: "" });
    const stranger = `stranger-${randomUUID()}@example.com`;
    expect(await signInFromProvider(vouched(stranger, ["groundwork-admins"]), settings)).toEqual({ ok: false, reason: "not_invited" });
    expect(await findUserByEmail(db(), stranger)).toBeNull();

    const group = await createGroup(admin, `invited-${randomUUID()}`);
    const invited = `invited-${randomUUID()}@example.com`;
    const { token } = await inviteUser(admin, { email: invited, role: "employee", groupIds: [group.id] });
    // Without a groups claim the invitation's groups apply; its link is used up by the sign-in.
    const outcome = await signInFromProvider(vouched(invited.toUpperCase()), { ...settings, groupsClaim: null });
    expect(outcome.ok).toBe(true);
    const user = (await findUserByEmail(db(), invited))!;
    expect(user.role).toBe("employee");
    expect(await groupIdsOfUser(db(), user.id)).toEqual([group.id]);
    expect(await openInvite(token)).toBeNull();
    expect(await listAudit(db(), { action: "user.invite_accept", targetId: user.id })).toMatchObject([{ details: { source: "oidc" } }]);
    // An account, once made, signs in whatever the policy.
    expect(await signInFromProvider(vouched(invited), settings)).toEqual({ ok: true, userId: user.id });
  });

  it("allowed domains: addresses elsewhere are refused; open and sso-only admit anyone the provider vouches for", async () => {
    await setSignupPolicy(admin, { policy: "domains", domains: "corp.example" });
    const outside = `x-${randomUUID()}@elsewhere.example`;
    expect(await signInFromProvider(vouched(outside), settings)).toEqual({ ok: false, reason: "domain_not_allowed" });
    expect(await findUserByEmail(db(), outside)).toBeNull();
    expect((await signInFromProvider(vouched(`y-${randomUUID()}@Corp.Example`), settings)).ok).toBe(true);
    for (const policy of ["open", "sso-only"]) {
      await setSignupPolicy(admin, { policy, domains: "" });
      expect((await signInFromProvider(vouched(`z-${randomUUID()}@elsewhere.example`), settings)).ok).toBe(true);
    }
  });

  it("before the setup link has made the first administrator, it creates nobody, not even a member of the admin group", async () => {
    await setSignupPolicy(admin, { policy: "open", domains: "" });
    // The test database is shared: its admins step aside for this test and are restored after it.
    const demoted = (await db().update(users).set({ role: "employee" }).where(inArray(users.role, ["admin"])).returning({ id: users.id })).map((u) => u.id);
    try {
      const first = `first-${randomUUID()}@example.com`;
      expect(await signInFromProvider(vouched(first, ["groundwork-admins"]), settings)).toEqual({ ok: false, reason: "not_set_up" });
      expect(await findUserByEmail(db(), first)).toBeNull();
    } finally {
      await db().update(users).set({ role: "admin" }).where(inArray(users.id, demoted));
    }
  });
});
