import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { setUserActive } from "../admin/users";
import { db } from "../db";
import { createTestUser } from "@/testing/fixtures";
import { sessionUser } from "./active-user";
import { changePassword } from "./change-password";
import { endSessions } from "./end-sessions";
import { claimsOf, nowSeconds, sessionLifetime } from "./session-claims";
import { endSessionsOnSignOut, issueSession, renewSession } from "./session-token";

/** A session as Auth.js issues it at sign-in: the token's claims. */
async function signIn(userId: string) {
  const token = await issueSession({}, userId);
  return { token, claims: claimsOf(token)! };
}

describe("sessions end for every device at once", () => {
  it("signing out ends every session of the account, the one on another device too; a new sign-in works", async () => {
    const user = await createTestUser("employee");
    const laptop = await signIn(user.id);
    const phone = await signIn(user.id);
    expect(await sessionUser(laptop.claims)).toMatchObject({ id: user.id });
    await endSessionsOnSignOut({ token: laptop.token });
    expect(await sessionUser(laptop.claims)).toBeNull();
    expect(await sessionUser(phone.claims)).toBeNull();
    expect(await sessionUser((await signIn(user.id)).claims)).toMatchObject({ id: user.id });
    expect(await listAudit(db(), { action: "auth.sessions_end", targetId: user.id })).toMatchObject([{ actorId: user.id, details: { reason: "sign_out" } }]);
  });

  it("an administrator's 'sign out everywhere' ends them, recorded as theirs", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser("employee");
    const session = await signIn(user.id);
    await endSessions(user.id, admin, "sign_out_everywhere");
    expect(await sessionUser(session.claims)).toBeNull();
    expect(await listAudit(db(), { action: "auth.sessions_end", targetId: user.id })).toMatchObject([{ actorId: admin.id, details: { reason: "sign_out_everywhere" } }]);
  });

  it("deactivation ends them for good: reactivating the account does not revive an old session", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser("employee");
    const session = await signIn(user.id);
    await setUserActive(admin, user.id, false);
    expect(await sessionUser(session.claims)).toBeNull();
    await setUserActive(admin, user.id, true);
    expect(await sessionUser(session.claims)).toBeNull();
    expect(await sessionUser((await signIn(user.id)).claims)).toMatchObject({ id: user.id });
  });

  it("a password change ends them; a wrong current password changes nothing", async () => {
    const user = await createTestUser("employee");
    const session = await signIn(user.id);
    await expect(changePassword(user, "not the password", "a new password")).rejects.toMatchObject({ code: "bad_request" });
    expect(await sessionUser(session.claims)).toMatchObject({ id: user.id });
    await changePassword(user, "a test password", "a new password");
    expect(await sessionUser(session.claims)).toBeNull();
    expect(await listAudit(db(), { action: "auth.password_change", targetId: user.id })).toHaveLength(1);
  });

  it("a session ends at its maximum lifetime however busy, and a token without claims is no session", async () => {
    const user = await createTestUser("employee");
    const { token, claims } = await signIn(user.id);
    const old = { ...claims, signedInAt: nowSeconds() - sessionLifetime().maxSeconds - 1 };
    expect(await sessionUser(old)).toBeNull();
    expect(renewSession({ ...token, signedInAt: old.signedInAt })).toBeNull();
    expect(renewSession(token)).toEqual(token);
    // A cookie from before session versions (only the account id) is refused.
    expect(claimsOf({ sub: user.id })).toBeNull();
    expect(await sessionUser({ ...claims, version: claims.version + 1 })).toBeNull();
  });
});
