import { AppError } from "../errors";
import { sessionUser } from "./active-user";
import { auth } from "./config";
import type { CurrentUser } from "./user";

export { askerOf, type CurrentUser } from "./user";

/**
 * The signed-in user, re-read from the database on every call: a deactivated account, a changed
 * role or ended sessions take effect on the next request, even for a session cookie issued before. Every route
 * handler, server action and server page calls this (or requireAdmin) itself.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const claims = (await auth())?.claims;
  return claims ? sessionUser(claims) : null;
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Please sign in to continue.");
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only administrators can do this.");
  return user;
}
