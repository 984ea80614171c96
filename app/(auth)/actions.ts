"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInThrottled, signIn, signOut } from "@/lib/auth/config";
import { throttledMessage } from "@/lib/auth/throttle";
import { clientAddress } from "@/lib/security/client-address";
import { register } from "@/lib/auth/register";
import { AppError } from "@/lib/errors";

export interface AuthFormState {
  error?: string;
  /** Kept in the form after a failed attempt (React resets a form once its action returns). */
  email?: string;
}

export async function loginAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: "/" });
  } catch (err) {
    const email = String(form.get("email") ?? "");
    if (err instanceof SignInThrottled) return { error: throttledMessage(err.retryAfterMs), email };
    if (err instanceof AuthError) return { error: "The email or password is not right. Check them and try again.", email };
    throw err; // the redirect after a successful sign-in
  }
  return {};
}

/**
 * New and already-registered addresses both land on the sign-in page with the same notice, and
 * neither is signed in here: signing in only the new one would tell them apart.
 */
export async function registerAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
  try {
    await register(input, clientAddress(await headers()));
  } catch (err) {
    if (err instanceof AppError) return { error: err.message, email: String(input.email ?? "") };
    throw err;
  }
  redirect("/login?registered=1");
}

export async function logoutAction() {
  await signOut({ redirectTo: "/login" });
}

/** Starts the OpenID Connect sign-in: a redirect to the provider. */
export async function oidcLoginAction() {
  await signIn("oidc", { redirectTo: "/" });
}
