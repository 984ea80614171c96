"use server";

import type { ActionState } from "@/components/admin/action-form";
import { signIn } from "@/lib/auth/config";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { AppError } from "@/lib/errors";

export async function setupAdminAction(token: string, _: ActionState, form: FormData): Promise<ActionState> {
  const password = form.get("password");
  let email: string;
  try {
    email = (await createFirstAdmin(String(token), { name: form.get("name"), email: form.get("email"), password })).email;
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  await signIn("credentials", { email, password, redirectTo: "/admin/get-started" }); // the first-run page: what to do next
  return {};
}
