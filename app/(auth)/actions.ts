"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInThrottled, signIn, signOut } from "@/lib/auth/config";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { throttledMessage } from "@/lib/auth/throttle";
import { env } from "@/lib/env";
import { servedOverHttps } from "@/lib/security/headers";
import { clientAddress } from "@/lib/security/client-address";
import { register } from "@/lib/auth/register";
import { AppError } from "@/lib/errors";

export interface AuthFormState {
  error?: string;
  /** Kept in the form after a failed attempt (React resets a form once its action returns). */
  email?: string;
}

export async function loginAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: form.get("password"), redirect: false });
  } catch (err) {
    if (err instanceof SignInThrottled) return { error: throttledMessage(err.retryAfterMs), email };
    if (err instanceof AuthError) return { error: "The email or password is not right. Check them and try again.", email };
    throw err;
  }
  // This browser is now known to the account: a stranger's failures will not slow it down.
  const device = issueDeviceCookie(email);
  if (device) {
    const secure = servedOverHttps(new URL(env().AUTH_URL ?? "http://localhost"), await headers());
    (await cookies()).set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_COOKIE_MAX_AGE });
  }
  redirect("/");
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
