import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/**
 * Device cookies, OWASP's answer to online guessing that would otherwise slow the victim down too.
 * A browser that has signed in to an account carries a cookie, signed by this server, naming that
 * account and a random device id. Its sign-in attempts for that account are counted apart
 * (lib/auth/throttle.ts), so a stranger's failures, which slow the account down from everywhere
 * else, never make its owner wait on a browser they signed in with before; failures on that browser
 * slow only that browser.
 */
export const DEVICE_COOKIE = "groundwork-device";
/** A year: a device stays known as long as people keep their browsers. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/** The address as sign-in reads it (lib/auth/credentials.ts): trimmed, lower-cased. */
const normal = (email: string) => email.trim().toLowerCase();

function signature(email: string, device: string): string | null {
  const secret = env().AUTH_SECRET;
  return secret ? createHmac("sha256", secret).update(`device\0${normal(email)}\0${device}`).digest("base64url") : null;
}

/** A new cookie value for a browser that just signed in to `email`; null without a signing secret. */
export function issueDeviceCookie(email: string): string | null {
  const device = randomBytes(16).toString("base64url");
  const signed = signature(email, device);
  return signed ? `${device}.${signed}` : null;
}

/** The device id when the cookie was issued by this server to this account's browser, else null. */
export function trustedDevice(cookie: string | undefined, email: string): string | null {
  const [device, given] = (cookie ?? "").split(".");
  if (!device || !given || device.length > 64) return null;
  const expected = signature(email, device);
  if (!expected) return null;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b) ? device : null;
}
