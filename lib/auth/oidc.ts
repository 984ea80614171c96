import { randomBytes } from "node:crypto";
import { ensureGroups } from "@/db/queries/groups";
import { findGroupsByIds, setUserGroups } from "@/db/queries/group-admin";
import { consumeInvite, findOpenInviteByEmail } from "@/db/queries/invites";
import { findUserByEmail } from "@/db/queries/users";
import { countActiveAdmins, insertUser, lockAdminSet, updateUser, type Role } from "@/db/queries/user-admin";
import { audit } from "../admin/audit";
import { db } from "../db";
import { env } from "../env";
import { hashPassword } from "./password";
import { signupRules, ssoSignupRefusal, type SsoRefusal } from "./signup-policy";

/** Settings for the optional OpenID Connect sign-in; null when it is not configured. */
export function oidcSettings() {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    name: e.OIDC_NAME,
    scopes: e.OIDC_SCOPES,
    groupsClaim: e.OIDC_GROUPS_CLAIM ?? null,
    adminGroup: e.OIDC_ADMIN_GROUP ?? null,
    requireVerifiedEmail: e.OIDC_REQUIRE_EMAIL_VERIFIED === "true",
  };
}

export type OidcSettings = NonNullable<ReturnType<typeof oidcSettings>>;

export type OidcOutcome = { ok: true; userId: string } | { ok: false; reason: "unverified_email" | "inactive" | SsoRefusal };

function claimedGroups(profile: Record<string, unknown>, claim: string | null): string[] | null {
  if (!claim) return null;
  const value = profile[claim];
  const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return [...new Set(list.filter((g): g is string => typeof g === "string").map((g) => g.trim()).filter(Boolean))];
}

/**
 * A person the provider vouches for: finds their account by verified email or, when the sign-up
 * policy admits them or an open invitation names their address, creates one (with an unusable
 * random password: they sign in through the provider). An invitation is used up and gives its role
 * and groups. When a groups claim is configured, memberships become exactly the claimed groups
 * (created by name as needed), and membership of the admin group decides the role. Deactivated
 * accounts are refused, and nobody is created before the setup link has made the first administrator.
 */
export async function signInFromProvider(profile: Record<string, unknown>, settings: OidcSettings): Promise<OidcOutcome> {
  const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : "";
  if (!email || (settings.requireVerifiedEmail && profile.email_verified !== true)) return { ok: false, reason: "unverified_email" };
  const name = typeof profile.name === "string" && profile.name.trim() ? profile.name.trim().slice(0, 100) : email;
  const groups = claimedGroups(profile, settings.groupsClaim);
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  const source = { source: "oidc", issuer: settings.issuer };

  return db().transaction(async (tx): Promise<OidcOutcome> => {
    // Under the lock, a setup link racing this sign-in is either done (an admin exists) or not begun.
    await lockAdminSet(tx);
    let user = await findUserByEmail(tx, email);
    if (user && !user.active) return { ok: false, reason: "inactive" };
    const wantsAdmin = groups && settings.adminGroup ? groups.includes(settings.adminGroup) : null;
    let inviteGroups: string[] | null = null;
    if (!user) {
      const invite = await findOpenInviteByEmail(tx, email);
      // Read under the lock: whether the first admin exists decides, as for the setup link.
      const refusal = ssoSignupRefusal(await signupRules(tx), email);
      if (refusal === "not_set_up" || (refusal && !invite)) return { ok: false, reason: refusal };
      if (invite && !(await consumeInvite(tx, invite.id))) return { ok: false, reason: refusal ?? "not_invited" };
      const role: Role = (wantsAdmin ?? invite?.role === "admin") ? "admin" : "employee";
      user = (await insertUser(tx, { email, name, passwordHash: unusablePassword, role }))!;
      await audit(tx, { id: user.id, email }, invite ? "user.invite_accept" : "user.create", { type: "user", id: user.id }, { ...source, role, ...(invite && { inviteId: invite.id }) });
      if (invite && !groups) inviteGroups = (await findGroupsByIds(tx, invite.groupIds)).map((g) => g.id);
    } else if (wantsAdmin !== null && (user.role === "admin") !== wantsAdmin) {
      const role: Role = wantsAdmin ? "admin" : "employee";
      // The provider may not remove the last administrator: that would lock everyone out.
      if (role === "admin" || (await countActiveAdmins(tx)) > 1) {
        await updateUser(tx, user.id, { role });
        await audit(tx, { id: user.id, email }, "user.role_change", { type: "user", id: user.id }, { ...source, from: user.role, to: role });
      }
    }
    if (groups || inviteGroups) {
      const ids = groups ? await ensureGroups(tx, groups) : inviteGroups!;
      const { added, removed } = await setUserGroups(tx, user.id, ids);
      const names = new Map((await findGroupsByIds(tx, [...added, ...removed])).map((g) => [g.id, g.name]));
      const actor = { id: user.id, email };
      for (const id of added) await audit(tx, actor, "group.member_add", { type: "group", id }, { ...source, userId: user.id, email, group: names.get(id) });
      for (const id of removed) await audit(tx, actor, "group.member_remove", { type: "group", id }, { ...source, userId: user.id, email, group: names.get(id) });
    }
    return { ok: true, userId: user.id };
  });
}
