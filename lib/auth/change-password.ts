import { setPasswordHash } from "@/db/queries/sessions";
import { findUserById } from "@/db/queries/users";
import { audit } from "../admin/audit";
import { db } from "../db";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { registrationSchema } from "./register";
import type { CurrentUser } from "./user";

const newPassword = registrationSchema.shape.password;

/** The user changes their password; every session of theirs ends, this one included. */
export async function changePassword(user: CurrentUser, current: string, next: unknown) {
  const parsed = newPassword.safeParse(next);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Choose another password.");
  const account = await findUserById(db(), user.id);
  if (!account || !(await verifyPassword(account.passwordHash, current))) throw new AppError("bad_request", "Your current password is not right.");
  const passwordHash = await hashPassword(parsed.data);
  await db().transaction(async (tx) => {
    if (!(await setPasswordHash(tx, user.id, passwordHash))) throw new AppError("not_found", "This account no longer exists.");
    await audit(tx, user, "auth.password_change", { type: "user", id: user.id }, { email: user.email });
  });
}
