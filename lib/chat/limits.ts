import { acquireStreamSlot, releaseStreamSlot } from "@/db/queries/rate-limits";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { countRequest } from "../limits/rate-limit";
import { log } from "../log";

/**
 * Admits one chat request for the user: counts it against the per-minute limit and takes one of
 * their concurrent-stream slots. Returns the release for that slot (idempotent).
 */
export async function admitChat(user: CurrentUser): Promise<() => Promise<void>> {
  const config = env();
  // Both in one round trip's time (they are on the way to every answer's first token); a slot
  // taken by a request the per-minute limit refuses is handed back at once.
  const [rate, slot] = await Promise.all([
    countRequest(`chat:${user.id}`, config.CHAT_MAX_PER_MINUTE),
    acquireStreamSlot(db(), user.id, config.CHAT_MAX_CONCURRENT_STREAMS, config.CHAT_STREAM_SLOT_SECONDS),
  ]);
  if (!rate.allowed) {
    if (slot) await releaseStreamSlot(db(), slot);
    throw new AppError(
      "rate_limited",
      `You have asked ${config.CHAT_MAX_PER_MINUTE} questions in the last minute. Try again in ${rate.retryAfter} seconds.`,
      rate.retryAfter,
    );
  }
  if (!slot) {
    throw new AppError(
      "rate_limited",
      `You already have ${config.CHAT_MAX_CONCURRENT_STREAMS} answers in progress. Wait for one to finish, then ask again.`,
      5,
    );
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await releaseStreamSlot(db(), slot).catch((err: unknown) => log().error({ err }, "could not release a stream slot"));
  };
}

/** Passes the stream through and calls `release` once it ends, fails or the reader goes away. */
export function releasingOnEnd<T>(stream: ReadableStream<T>, release: () => Promise<void>, signal?: AbortSignal): ReadableStream<T> {
  const reader = stream.getReader();
  signal?.addEventListener("abort", () => void release(), { once: true });
  return new ReadableStream<T>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          await release();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        await release();
        controller.error(err);
      }
    },
    async cancel(reason) {
      await release();
      await reader.cancel(reason);
    },
  });
}
