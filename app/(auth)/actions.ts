"use server";

import { AuthError } from "next-auth";
import { SignInThrottled, signIn, signOut } from "@/lib/auth/config";
import { throttledMessage } from "@/lib/auth/throttle";
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
    if (err instanceof SignInThrottled) return { error: throttledMessage(err.retryAfter), email };
    if (err instanceof AuthError) return { error: "The email or password is not right. Check them and try again.", email };
    throw err; // the redirect after a successful sign-in
  }
  return {};
}

export async function registerAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
  try {
    await register(input);
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/" });
  return {};
}

export async function logoutAction() {
  await signOut({ redirectTo: "/login" });
}

/** Starts the OpenID Connect sign-in: a redirect to the provider. */
export async function oidcLoginAction() {
  await signIn("oidc", { redirectTo: "/" });
}
