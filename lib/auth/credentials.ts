import { z } from "zod";
import { findUserByEmail } from "@/db/queries/users";
import { audit } from "../admin/audit";
import { db } from "../db";
import { trustedDevice } from "./device-cookie";
import { verifyPassword } from "./password";
import { failSignIn, forgiveSignIn, takeSignInAttempt, throttlePolicy } from "./throttle";

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

/**
 * An Argon2id hash of a random password nobody knows, made with the parameters hashPassword uses
 * (credentials.test.ts keeps them equal): an unknown address is checked against it, so it costs the
 * same time as a known one and answers the same.
 */
export const UNKNOWN_ACCOUNT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$1DX+8fDBwjr97/htNHi/tA$ojSiJGf0XmWRfHgcgOTahF2iCqa+abWYnPS5864ATjk";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  /** Wrong password, unknown or deactivated account: one answer for all three. */
  | { ok: false }
  | { ok: false; retryAfterMs: number };

/**
 * Checks an e-mail and password, slowed down after failures (throttle.ts), never locked. The
 * browser's device cookie, when it was issued to this account, has its attempts counted apart.
 */
export async function checkCredentials(raw: unknown, address: string, policy = throttlePolicy(), deviceCookie?: string): Promise<SignInOutcome> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return { ok: false };
  const { email, password } = parsed.data;
  const device = trustedDevice(deviceCookie, email);
  const wait = await takeSignInAttempt(email, address, device, policy);
  const user = await findUserByEmail(db(), email);
  const target = { type: "user", id: user?.id ?? null };
  if (wait !== null) {
    await audit(db(), null, "auth.sign_in_throttled", target, { email, address, retryAfterMs: wait });
    return { ok: false, retryAfterMs: wait };
  }
  // The hash is checked whoever asks, so neither time nor answer tells an unknown or a deactivated account from a wrong password.
  const matches = await verifyPassword(user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
  if (!user || !user.active || !matches) {
    await failSignIn(email, address, device, policy);
    await audit(db(), null, "auth.sign_in_failed", target, { email, address, reason: !user ? "unknown_account" : !user.active ? "inactive" : "wrong_password" });
    return { ok: false };
  }
  await forgiveSignIn(email, address, device, policy);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
