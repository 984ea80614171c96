import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKind } from "@/db/queries/retrieval";
import { takeAttempt } from "@/db/queries/sign-in-failures";
import { createTestUser } from "@/testing/fixtures";
import { db } from "../db";
import { checkCredentials } from "./credentials";
import { throttledMessage, type ThrottlePolicy } from "./throttle";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PASSWORD = "a test password"; // createTestUser's
/** Milliseconds instead of seconds, so the whole ladder climbs in about a second. */
const delays = { baseMs: 80, maxMs: 320, forgetSeconds: 3600 };
const policy = (account: number, address: number): ThrottlePolicy => ({ account: { freeFailures: account, ...delays }, address: { freeFailures: address, ...delays } });
const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
const embedded = (await databaseKind(db())) === "embedded";
const waitOf = (outcome: object) => ("retryAfterMs" in outcome ? (outcome.retryAfterMs as number) : null);

describe("sign-in throttling: slowed down, never locked out", () => {
  it("each failure past the free ones doubles the wait up to the cap; the right password works once it has passed", async () => {
    const user = await createTestUser("employee");
    const p = policy(2, 1000);
    const from = address();
    const attempt = (password: string) => checkCredentials({ email: user.email, password }, from, p);
    // Typos cost nothing.
    for (let i = 0; i < 2; i++) expect(await attempt(`typo ${i}`)).toEqual({ ok: false });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect(await attempt(`guess ${i}`)).toEqual({ ok: false }); // checked: the previous wait had passed
      const refused = waitOf(await attempt(`guess ${i} again at once`));
      expect(refused).not.toBeNull();
      waits.push(refused!);
      await sleep(refused!);
    }
    // 80, 160, 320, then capped at 320 (minus the few milliseconds between failure and refusal).
    const expected = [80, 160, 320, 320];
    waits.forEach((wait, i) => {
      expect(wait).toBeLessThanOrEqual(expected[i]!);
      expect(wait).toBeGreaterThan(expected[i]! / 2);
    });
    // Still waiting: even the right password is refused, with the wait to tell the person.
    expect(await attempt("one more guess")).toEqual({ ok: false });
    const wait = waitOf(await attempt(PASSWORD));
    expect(wait).toBeGreaterThan(0);
    expect(throttledMessage(wait!)).toBe("Too many failed sign-ins. Try again in 1 second.");
    await sleep(wait!);
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true, user: { id: user.id } });
    // A success starts the account afresh: the next typo costs no wait again.
    expect(await attempt("typo after success")).toEqual({ ok: false });
    expect(await attempt("and another")).toEqual({ ok: false });
  });

  it("hammering during the wait neither counts nor lengthens it: the real user gets in when it ends", async () => {
    const user = await createTestUser("employee");
    const p = { account: { freeFailures: 0, baseMs: 1000, maxMs: 1000, forgetSeconds: 3600 }, address: policy(0, 1000).address };
    const attempt = (password: string) => checkCredentials({ email: user.email, password }, address(), p);
    expect(await attempt("a guess")).toEqual({ ok: false }); // the account now waits a second
    const failedAt = Date.now();
    const hammered = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(`hammer ${i}`)));
    expect(Date.now() - failedAt).toBeLessThan(900); // else this run proves nothing
    expect(hammered.every((o) => waitOf(o) !== null)).toBe(true);
    await sleep(1020 - (Date.now() - failedAt));
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
  });

  it("parallel guesses are counted before any password is checked", async () => {
    const user = await createTestUser("employee");
    // A long wait here: the slot must stay shut for as long as the parallel password checks take.
    const p = { account: { freeFailures: 2, baseMs: 60_000, maxMs: 60_000, forgetSeconds: 3600 }, address: policy(0, 1000).address };
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => checkCredentials({ email: user.email, password: `guess ${i}` }, address(), p)));
    // Two free failures, then the third takes the slot and sets a wait for all the others.
    expect(outcomes.filter((o) => waitOf(o) === null)).toHaveLength(3);
  });

  // Two transactions at once need a server: the embedded database runs one at a time.
  it.skipIf(embedded)("a free failure is taken even when a parallel attempt's transaction began later but reached the row first", async () => {
    const key = `account:${randomUUID()}@example.com`;
    const free = { freeFailures: 2, baseMs: 60_000, maxMs: 60_000, forgetSeconds: 3600 };
    await db().transaction(async (tx) => {
      await tx.execute(sql`SELECT now()`); // this attempt's transaction has begun
      await sleep(20);
      expect(await takeAttempt(db(), key, free)).toBeNull(); // another begins later, takes the first free failure, commits
      expect(await takeAttempt(tx, key, free)).toBeNull(); // the second free failure: no wait to serve
    });
  });

  it("one address guessing at many accounts is slowed down; other addresses are not", async () => {
    const p = policy(1000, 3);
    const from = address();
    for (let i = 0; i < 3; i++) expect(await checkCredentials({ email: `nobody-${randomUUID()}@example.com`, password: "x" }, from, p)).toEqual({ ok: false });
    expect(await checkCredentials({ email: `nobody-${randomUUID()}@example.com`, password: "x" }, from, p)).toEqual({ ok: false });
    expect(waitOf(await checkCredentials({ email: `nobody-${randomUUID()}@example.com`, password: "x" }, from, p))).toBeGreaterThan(0);
    const user = await createTestUser("employee");
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, address(), p)).toMatchObject({ ok: true });
  });

  it("signing in to one's own account refunds only that attempt: the address's earlier failures still count", async () => {
    const p = policy(1000, 2);
    const from = address();
    const own = await createTestUser("employee");
    for (let i = 0; i < 3; i++) expect(await checkCredentials({ email: `nobody-${randomUUID()}@example.com`, password: "x" }, from, p)).toEqual({ ok: false });
    await sleep(waitOf(await checkCredentials({ email: own.email, password: PASSWORD }, from, p))!);
    expect(await checkCredentials({ email: own.email, password: PASSWORD }, from, p)).toMatchObject({ ok: true });
    expect(await checkCredentials({ email: `nobody-${randomUUID()}@example.com`, password: "x" }, from, p)).toEqual({ ok: false });
    expect(waitOf(await checkCredentials({ email: `nobody-${randomUUID()}@example.com`, password: "x" }, from, p))).toBeGreaterThan(0);
  });
});
