import { randomBytes } from "node:crypto";
import { ensureGroups } from "@/db/queries/groups";
import { findGroupsByIds, setUserGroups } from "@/db/queries/group-admin";
import { findUserByEmail } from "@/db/queries/users";
import { countActiveAdmins, insertUser, lockAdminSet, updateUser, type Role } from "@/db/queries/user-admin";
import { audit } from "../admin/audit";
import { db } from "../db";
import { env } from "../env";
import { hashPassword } from "./password";

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

export type OidcOutcome = { ok: true; userId: string } | { ok: false; reason: "unverified_email" | "inactive" };

function claimedGroups(profile: Record<string, unknown>, claim: string | null): string[] | null {
  if (!claim) return null;
  const value = profile[claim];
  const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return [...new Set(list.filter((g): g is string => typeof g === "string").map((g) => g.trim()).filter(Boolean))];
}

/**
 * A person the provider vouches for: finds their account by verified email or creates one (with
 * an unusable random password: they sign in through the provider). When a groups claim is
 * configured, memberships become exactly the claimed groups (created by name as needed), and
 * membership of the admin group decides the role. Deactivated accounts are refused.
 */
export async function signInFromProvider(profile: Record<string, unknown>, settings: OidcSettings): Promise<OidcOutcome> {
  const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : "";
  if (!email || (settings.requireVerifiedEmail && profile.email_verified !== true)) return { ok: false, reason: "unverified_email" };
  const name = typeof profile.name === "string" && profile.name.trim() ? profile.name.trim().slice(0, 100) : email;
  const groups = claimedGroups(profile, settings.groupsClaim);
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  const source = { source: "oidc", issuer: settings.issuer };

  return db().transaction(async (tx) => {
    await lockAdminSet(tx);
    let user = await findUserByEmail(tx, email);
    if (user && !user.active) return { ok: false, reason: "inactive" } as const;
    const wantsAdmin = groups && settings.adminGroup ? groups.includes(settings.adminGroup) : null;
    if (!user) {
      user = (await insertUser(tx, { email, name, passwordHash: unusablePassword, role: wantsAdmin ? "admin" : "employee" }))!;
      await audit(tx, { id: user.id, email }, "user.create", { type: "user", id: user.id }, { ...source, role: user.role });
    } else if (wantsAdmin !== null && (user.role === "admin") !== wantsAdmin) {
      const role: Role = wantsAdmin ? "admin" : "employee";
      // The provider may not remove the last administrator: that would lock everyone out.
      if (role === "admin" || (await countActiveAdmins(tx)) > 1) {
        await updateUser(tx, user.id, { role });
        await audit(tx, { id: user.id, email }, "user.role_change", { type: "user", id: user.id }, { ...source, from: user.role, to: role });
      }
    }
    if (groups) {
      const ids = await ensureGroups(tx, groups);
      const { added, removed } = await setUserGroups(tx, user.id, ids);
      const names = new Map((await findGroupsByIds(tx, [...added, ...removed])).map((g) => [g.id, g.name]));
      const actor = { id: user.id, email };
      for (const id of added) await audit(tx, actor, "group.member_add", { type: "group", id }, { ...source, userId: user.id, email, group: names.get(id) });
      for (const id of removed) await audit(tx, actor, "group.member_remove", { type: "group", id }, { ...source, userId: user.id, email, group: names.get(id) });
    }
    return { ok: true, userId: user.id } as const;
  });
}
