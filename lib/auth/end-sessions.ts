import { endSessionsOf } from "@/db/queries/sessions";
import { findUserById } from "@/db/queries/users";
import { audit, type Actor } from "../admin/audit";
import { db } from "../db";
import { AppError } from "../errors";

export type SessionEnd = "sign_out" | "sign_out_everywhere" | "deactivated" | "password_changed";

/**
 * Ends every session of the account at once, by raising its session version; each request
 * compares the version in its token with the account's. `actor` is who did it (null: the user).
 */
export async function endSessions(userId: string, actor: Actor | null, reason: SessionEnd) {
  await db().transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError("not_found", "This user does not exist.");
    await endSessionsOf(tx, userId);
    await audit(tx, actor ?? { id: user.id, email: user.email }, "auth.sessions_end", { type: "user", id: userId }, { email: user.email, reason });
  });
}
