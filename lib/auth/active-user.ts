import { findUserById, type UserRow } from "@/db/queries/users";
import { db } from "../db";
import { outlivedMaximum, type SessionClaims } from "./session-claims";
import type { CurrentUser } from "./user";

const ifActive = (user: UserRow | null): CurrentUser | null =>
  user && user.active ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;

/** The account as it is now: null once deactivated or deleted. */
export async function activeUser(id: string): Promise<CurrentUser | null> {
  return ifActive(await findUserById(db(), id));
}

/**
 * The account a session names, read on every request so changes take effect on the next one even
 * for sessions already open: null once the account is deactivated or deleted, once its sessions
 * were ended (sign-out, deactivation, a password change, "sign out everywhere" raise its session
 * version) or once the session has outlived its maximum lifetime.
 */
export async function sessionUser(session: SessionClaims): Promise<CurrentUser | null> {
  if (outlivedMaximum(session.signedInAt)) return null;
  const user = await findUserById(db(), session.userId);
  return user?.sessionVersion === session.version ? ifActive(user) : null;
}
