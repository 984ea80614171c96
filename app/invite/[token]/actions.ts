"use server";

import type { ActionState } from "@/components/admin/action-form";
import { acceptInvite } from "@/lib/admin/invites";
import { signIn } from "@/lib/auth/config";
import { AppError } from "@/lib/errors";

export async function acceptInviteAction(token: string, _: ActionState, form: FormData): Promise<ActionState> {
  const password = form.get("password");
  let email: string;
  try {
    email = (await acceptInvite(String(token), { name: form.get("name"), password })).email;
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  await signIn("credentials", { email, password, redirectTo: "/" });
  return {};
}
