import { clearLimit, refund } from "@/db/queries/rate-limits";
import { db } from "../db";
import { env } from "../env";
import { countRequest } from "../limits/rate-limit";

const accountKey = (email: string) => `signin:account:${email}`;
const addressKey = (address: string) => `signin:address:${address}`;

/**
 * The client address as seen by the nearest proxy: Next sets x-forwarded-for to the socket's
 * address when no proxy did, and a reverse proxy appends the address it saw, so the last entry is
 * the one a client cannot choose (unless it talks to Next directly with no proxy in front).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

/**
 * Counts a sign-in attempt against the account and the address before the password is checked,
 * so parallel guesses are counted too. Returns the seconds to wait when either limit is passed.
 */
export async function countSignInAttempt(email: string, address: string): Promise<number | null> {
  const [account, origin] = await Promise.all([
    countRequest(accountKey(email), env().SIGNIN_MAX_PER_ACCOUNT),
    countRequest(addressKey(address), env().SIGNIN_MAX_PER_ADDRESS),
  ]);
  const blocked = [account, origin].filter((v) => !v.allowed);
  return blocked.length ? Math.max(...blocked.map((v) => v.retryAfter)) : null;
}

/** A successful sign-in: its attempt does not count against the address, and the account starts afresh. */
export async function forgiveSignIn(email: string, address: string) {
  await Promise.all([clearLimit(db(), accountKey(email)), refund(db(), addressKey(address))]);
}

export function throttledMessage(seconds: number): string {
  return `Too many sign-in attempts. Try again in ${seconds} seconds.`;
}
