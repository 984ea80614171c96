"use server";

import { signOut } from "@/lib/auth/config";
import { changePassword } from "@/lib/auth/change-password";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

export interface PasswordFormState {
  error?: string;
}

/** Every session of the user ends with the change, this one too: they sign in again with the new password. */
export async function changePasswordAction(_: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  try {
    const user = await requireUser();
    if (!(form instanceof FormData)) throw new AppError("bad_request", "Fill in the form and try again.");
    await changePassword(user, String(form.get("current") ?? ""), form.get("password"));
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  await signOut({ redirectTo: "/login" });
  return {};
}
