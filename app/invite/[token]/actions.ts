"use server";

import { headers } from "next/headers";
import type { ActionState } from "@/components/admin/action-form";
import { acceptInvite } from "@/lib/admin/invites";
import { signIn } from "@/lib/auth/config";
import { countRegistration } from "@/lib/auth/register";
import { clientAddress } from "@/lib/security/client-address";
import { AppError } from "@/lib/errors";

export async function acceptInviteAction(token: string, _: ActionState, form: FormData): Promise<ActionState> {
  const password = form.get("password");
  let email: string;
  try {
    await countRegistration(clientAddress(await headers()));
    email = (await acceptInvite(String(token), { name: form.get("name"), password })).email;
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  await signIn("credentials", { email, password, redirectTo: "/" });
  return {};
}
