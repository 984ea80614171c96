import { hit, pruneLimits } from "@/db/queries/rate-limits";
import { db } from "../db";

const WINDOW_SECONDS = 60;

export interface Verdict {
  allowed: boolean;
  /** Whole seconds until the window resets (at least 1). */
  retryAfter: number;
}

/** Counts one request against `key`; allowed while at most `max` fall in the current minute. */
export async function countRequest(key: string, max: number): Promise<Verdict> {
  const { count, resetAt } = await hit(db(), key, WINDOW_SECONDS);
  // Now and then, not on every request: the sweep is cheap but need not be constant.
  if (Math.random() < 0.01) await pruneLimits(db(), 3600);
  return { allowed: count <= max, retryAfter: Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000)) };
}
