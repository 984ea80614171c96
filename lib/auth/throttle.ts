import { clearFailures, pruneFailures, refundAttempt, restartWait, takeAttempt, type DelayPolicy } from "@/db/queries/sign-in-failures";
import { db } from "../db";
import { env } from "../env";

/** Failures are forgotten after an hour without one: a user who mistyped yesterday starts afresh. */
const FORGET_SECONDS = 3600;

export interface ThrottlePolicy {
  account: DelayPolicy;
  address: DelayPolicy;
}

export function throttlePolicy(): ThrottlePolicy {
  const { SIGNIN_FREE_FAILURES_PER_ACCOUNT, SIGNIN_FREE_FAILURES_PER_ADDRESS, SIGNIN_DELAY_BASE_MS, SIGNIN_DELAY_MAX_MS } = env();
  const delays = { baseMs: SIGNIN_DELAY_BASE_MS, maxMs: SIGNIN_DELAY_MAX_MS, forgetSeconds: FORGET_SECONDS };
  return { account: { freeFailures: SIGNIN_FREE_FAILURES_PER_ACCOUNT, ...delays }, address: { freeFailures: SIGNIN_FREE_FAILURES_PER_ADDRESS, ...delays } };
}

// Every address the same way, known or not, so the throttle itself tells nobody who has an account.
// A browser the account signed in with before (a device cookie, lib/auth/device-cookie.ts) has a
// bucket of its own: failures elsewhere do not slow it, and its own failures slow only it.
const accountKey = (email: string, device: string | null) => (device ? `account:${email}:device:${device}` : `account:${email}`);
const addressKey = (address: string) => `address:${address}`;

class Refused extends Error {
  constructor(readonly waitMs: number) {
    super("sign-in attempt refused");
  }
}

/**
 * Takes a sign-in attempt for the account and the address, before the password is checked, so
 * parallel guesses are counted too. Returns the milliseconds to wait when either is still slowed
 * down; then neither is counted (one transaction), so an attacker cannot lengthen the wait by
 * hammering, and the real user gets in once it has passed: slowed down, never locked out.
 */
export async function takeSignInAttempt(email: string, address: string, device: string | null, policy = throttlePolicy()): Promise<number | null> {
  // Now and then, not on every attempt: the sweep is cheap but need not be constant.
  if (Math.random() < 0.01) await pruneFailures(db(), FORGET_SECONDS);
  try {
    await db().transaction(async (tx) => {
      const waits = [await takeAttempt(tx, accountKey(email, device), policy.account), await takeAttempt(tx, addressKey(address), policy.address)];
      const longest = Math.max(...waits.map((w) => w ?? 0));
      if (longest > 0) throw new Refused(longest);
    });
    return null;
  } catch (err) {
    if (err instanceof Refused) return err.waitMs;
    throw err;
  }
}

/** A failed sign-in: the waits its attempt set run from now. */
export async function failSignIn(email: string, address: string, device: string | null, policy = throttlePolicy()) {
  await restartWait(db(), accountKey(email, device), policy.account);
  await restartWait(db(), addressKey(address), policy.address);
}

/**
 * A successful sign-in: the account starts afresh; the address only gets back this attempt, so
 * signing in to one's own account between guesses at others buys nothing.
 */
export async function forgiveSignIn(email: string, address: string, device: string | null, policy = throttlePolicy()) {
  await clearFailures(db(), accountKey(email, device));
  await refundAttempt(db(), addressKey(address), policy.address);
}

export function throttledMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `Too many failed sign-ins. Try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}
