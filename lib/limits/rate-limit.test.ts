import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acquireStreamSlot, hit, liveStreamSlots, peek, pruneLimits, releaseStreamSlot } from "@/db/queries/rate-limits";
import { db } from "../db";
import { admitChat, releasingOnEnd } from "../chat/limits";
import { env } from "../env";
import { createTestUser } from "@/testing/fixtures";
import { countRequest } from "./rate-limit";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("abuse limits", () => {
  it("concurrent requests never exceed the limit: exactly max of them are allowed", async () => {
    const key = `test:${randomUUID()}`;
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => countRequest(key, 10)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const refused = verdicts.find((v) => !v.allowed)!;
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
  });

  it("a new window starts counting afresh", async () => {
    const key = `test:${randomUUID()}`;
    expect((await hit(db(), key, 1)).count).toBe(1);
    expect((await hit(db(), key, 1)).count).toBe(2);
    await sleep(1100);
    expect((await hit(db(), key, 1)).count).toBe(1);
    await sleep(1100);
    await pruneLimits(db(), 1);
    expect((await peek(db(), key, 3600)).count).toBe(0); // the row is gone, not merely outside the window
  });

  it("chat requests per minute are limited per user with a message that says how long to wait", async () => {
    const user = await createTestUser("employee");
    const other = await createTestUser("employee");
    for (let i = 0; i < env().CHAT_MAX_PER_MINUTE; i++) await (await admitChat(user))();
    const refused = await admitChat(user).then(() => null, (err: unknown) => err);
    expect(refused).toMatchObject({ code: "rate_limited", status: 429, message: expect.stringMatching(/Try again in \d+ seconds\./) });
    const response = (refused as { toResponse(): Response }).toResponse();
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    await (await admitChat(other))(); // another user is unaffected
  });

  it("concurrent streams are limited and released when a stream ends, fails or is cancelled", async () => {
    const user = await createTestUser("employee");
    const max = env().CHAT_MAX_CONCURRENT_STREAMS;
    const releases = await Promise.all(Array.from({ length: max }, () => admitChat(user)));
    await expect(admitChat(user)).rejects.toMatchObject({ code: "rate_limited", message: expect.stringContaining("answers in progress") });

    // Ends normally.
    const done = releasingOnEnd(new ReadableStream({ start: (c) => (c.enqueue("a"), c.close()) }), releases[0]!);
    for await (const chunk of done) expect(chunk).toBe("a");
    const next = await admitChat(user);

    // The client goes away mid-stream.
    const endless = releasingOnEnd(new ReadableStream({ pull: (c) => c.enqueue("x") }), next);
    const reader = endless.getReader();
    await reader.read();
    await reader.cancel();
    const afterCancel = await admitChat(user);

    // The stream fails.
    const failing = releasingOnEnd(new ReadableStream({ pull: (c) => c.error(new Error("model down")) }), afterCancel);
    await expect(failing.getReader().read()).rejects.toThrow("model down");
    await (await admitChat(user))();
    for (const r of releases.slice(1)) await r();
  });

  it("concurrent requests of one user take at most max stream slots, and a released one is free again", async () => {
    const user = await createTestUser("employee");
    const slots = await Promise.all(Array.from({ length: 12 }, () => acquireStreamSlot(db(), user.id, 3, 60)));
    const taken = slots.filter((s) => s !== null);
    expect(taken).toHaveLength(3);
    expect(await liveStreamSlots(db())).toBeGreaterThanOrEqual(3);
    await releaseStreamSlot(db(), taken[1]!);
    expect(await acquireStreamSlot(db(), user.id, 3, 60)).not.toBeNull();
    expect(await acquireStreamSlot(db(), user.id, 3, 60)).toBeNull();
  });

  it("a request over the per-minute limit leaves no stream slot taken", async () => {
    const user = await createTestUser("employee");
    for (let i = 0; i < env().CHAT_MAX_PER_MINUTE; i++) await (await admitChat(user))();
    await expect(admitChat(user)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await acquireStreamSlot(db(), user.id, 1, 60)).not.toBeNull();
  });

  it("a slot left by a crashed process stops counting once it expires", async () => {
    const user = await createTestUser("employee");
    expect(await acquireStreamSlot(db(), user.id, 1, 1)).not.toBeNull(); // never released
    expect(await acquireStreamSlot(db(), user.id, 1, 1)).toBeNull();
    await sleep(1100);
    expect(await acquireStreamSlot(db(), user.id, 1, 1)).not.toBeNull();
  });
});
