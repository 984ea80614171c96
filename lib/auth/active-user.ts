import { findUserById } from "@/db/queries/users";
import { db } from "../db";
import type { CurrentUser } from "./user";

/**
 * The account a session names, as it is now: null once deactivated or deleted. Read on every
 * request, so such changes take effect on the next one even for sessions already open.
 */
export async function activeUser(id: string): Promise<CurrentUser | null> {
  const user = await findUserById(db(), id);
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
