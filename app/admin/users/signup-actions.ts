"use server";

import type { ActionState } from "@/components/admin/action-form";
import { setSignupPolicy } from "@/lib/auth/signup-policy";
import { adminAction, field } from "../admin-action";

export async function setSignupPolicyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    await setSignupPolicy(admin, { policy: form.get("policy"), domains: field(form, "domains") });
    return "Sign-up policy saved. It applies to the next registration.";
  });
}
