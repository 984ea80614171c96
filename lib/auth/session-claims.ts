import { env } from "../env";

/**
 * What a session token carries besides the account id: the account's session version when it was
 * issued (raising the version ends the session) and when its holder signed in (for the
 * absolute lifetime, which renewing the cookie on each request does not extend).
 */
export interface SessionClaims {
  userId: string;
  version: number;
  signedInAt: number;
}

/** Seconds. The idle limit is the cookie's own lifetime, renewed on every request. */
export function sessionLifetime() {
  const e = env();
  return { idleSeconds: e.SESSION_IDLE_HOURS * 3600, maxSeconds: e.SESSION_MAX_DAYS * 86400 };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A session signed in longer ago than the maximum lifetime has ended, however busy it was. */
export function outlivedMaximum(signedInAt: number, now = nowSeconds()): boolean {
  return now - signedInAt > sessionLifetime().maxSeconds;
}

/** The claims of a decoded token, or null when any is missing (a token from before versions). */
export function claimsOf(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  const { sub, sv, signedInAt } = token ?? {};
  if (typeof sub !== "string" || typeof sv !== "number" || typeof signedInAt !== "number") return null;
  return { userId: sub, version: sv, signedInAt };
}
