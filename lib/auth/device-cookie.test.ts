import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/testing/fixtures";
import { checkCredentials } from "./credentials";
import { issueDeviceCookie, trustedDevice } from "./device-cookie";
import type { ThrottlePolicy } from "./throttle";

// Device cookies are signed with the server's secret; the test runner sets none.
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "device-cookie-test-secret";
});

const PASSWORD = "a test password"; // createTestUser's
const policy: ThrottlePolicy = {
  account: { freeFailures: 0, baseMs: 5000, maxMs: 5000, forgetSeconds: 3600 },
  address: { freeFailures: 1000, baseMs: 5000, maxMs: 5000, forgetSeconds: 3600 },
};
const address = () => `198.18.0.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
const waitOf = (outcome: object) => ("retryAfterMs" in outcome ? (outcome.retryAfterMs as number) : null);

describe("device cookies: a stranger's guesses never make the owner wait on a browser they used before", () => {
  it("is accepted only for the account it was issued to, unaltered", () => {
    const cookie = issueDeviceCookie(" Owner@Example.com ")!; // as typed into the form
    expect(trustedDevice(cookie, "owner@example.com")).toBe(cookie.split(".")[0]);
    expect(trustedDevice(cookie, "someone.else@example.com")).toBeNull();
    const [device, signature] = cookie.split(".");
    expect(trustedDevice(`${device}x.${signature}`, "owner@example.com")).toBeNull();
    // Flip the signature's first character, so the altered one always differs from the issued one.
    const altered = `${signature!.startsWith("A") ? "B" : "A"}${signature!.slice(1)}`;
    expect(trustedDevice(`${device}.${altered}`, "owner@example.com")).toBeNull();
    expect(trustedDevice(undefined, "owner@example.com")).toBeNull();
    expect(trustedDevice("no-signature", "owner@example.com")).toBeNull();
  });

  it("the owner's known browser signs in at once while the account is slowed down for everyone else; its own failures slow only it", async () => {
    const owner = await createTestUser("employee");
    const known = issueDeviceCookie(owner.email)!;
    const attempt = (password: string, cookie?: string) => checkCredentials({ email: owner.email, password }, address(), policy, cookie);

    // A stranger guesses: the account now waits 5 s from any browser without the owner's cookie...
    expect(await attempt("a stranger's guess")).toEqual({ ok: false });
    expect(waitOf(await attempt(PASSWORD))).toBeGreaterThan(0);
    expect(waitOf(await attempt(PASSWORD, issueDeviceCookie(`other-${randomUUID()}@example.com`)!))).toBeGreaterThan(0); // another account's cookie
    // ...but not from the owner's browser.
    expect(await attempt(PASSWORD, known)).toMatchObject({ ok: true, user: { id: owner.id } });

    // A wrong password on the owner's browser slows that browser, and still not the stranger's count.
    expect(await attempt("the owner's typo", known)).toEqual({ ok: false });
    expect(waitOf(await attempt(PASSWORD, known))).toBeGreaterThan(0);
    const another = issueDeviceCookie(owner.email)!; // a second browser the owner signed in with
    expect(await attempt(PASSWORD, another)).toMatchObject({ ok: true });
  });
});
