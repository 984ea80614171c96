import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { findUserByEmail } from "@/db/queries/users";
import { signupSettings } from "@/db/schema";
import { db } from "../db";
import { createTestUser } from "@/testing/fixtures";
import type { CurrentUser } from "./user";
import { verifyPassword } from "./password";
import { register } from "./register";
import { setSignupPolicy, signupRules } from "./signup-policy";

const email = (domain = "example.com") => `new-${randomUUID().slice(0, 8)}@${domain}`;
const form = (address: string) => ({ name: "Newcomer", email: address, password: "a long enough password" });
/** A fresh address per test, so the per-address limit of one test does not touch another. */
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

describe("registration under the sign-up policy", () => {
  let admin: CurrentUser;
  beforeAll(async () => {
    admin = await createTestUser("admin");
  });
  afterAll(async () => {
    await db().delete(signupSettings); // back to the environment's default for the files after
  });

  it("defaults to invitation only once an admin exists: nobody registers", async () => {
    await db().delete(signupSettings);
    expect(await signupRules()).toMatchObject({ policy: "invite", source: "environment", setUp: true });
    const who = email();
    await expect(register(form(who), address())).rejects.toMatchObject({ code: "forbidden", message: /invitation only/ });
    expect(await findUserByEmail(db(), who)).toBeNull();
  });

  it("open: anyone registers, as an employee, never as an admin", async () => {
    await setSignupPolicy(admin, { policy: "open", domains: "" });
    const who = email();
    await register(form(who), address());
    expect(await findUserByEmail(db(), who)).toMatchObject({ role: "employee", active: true });
  });

  it("domains: only addresses at an allowed domain, however the address is written", async () => {
    await setSignupPolicy(admin, { policy: "domains", domains: "Acme.example\npartner.example" });
    expect(await signupRules()).toMatchObject({ policy: "domains", domains: ["acme.example", "partner.example"], source: "admin" });
    const allowed = email("ACME.example");
    await register(form(allowed), address());
    expect(await findUserByEmail(db(), allowed.toLowerCase())).not.toBeNull();
    for (const refused of [email("evil.example"), email("acme.example.evil.example"), `x@acme.example@evil.example`]) {
      await expect(register(form(refused), address())).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|bad_request/) });
      expect(await findUserByEmail(db(), refused.toLowerCase())).toBeNull();
    }
  });

  it("sso-only: no registration at all", async () => {
    await setSignupPolicy(admin, { policy: "sso-only", domains: "" });
    const who = email();
    await expect(register(form(who), address())).rejects.toMatchObject({ code: "forbidden", message: /single sign-on/ });
    expect(await findUserByEmail(db(), who)).toBeNull();
  });

  it("refuses a policy it does not know and a domains policy without domains", async () => {
    await expect(setSignupPolicy(admin, { policy: "everyone", domains: "" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(setSignupPolicy(admin, { policy: "domains", domains: "" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(setSignupPolicy(admin, { policy: "domains", domains: "not a domain" })).rejects.toMatchObject({ code: "bad_request" });
    expect(await listAudit(db(), { action: "settings.signup_policy", actor: admin.email })).not.toHaveLength(0);
  });

  it("answers an address that has an account exactly as a new one, and leaves that account alone", async () => {
    await setSignupPolicy(admin, { policy: "open", domains: "" });
    const existing = await createTestUser("employee");
    const before = await findUserByEmail(db(), existing.email);
    await expect(register({ name: "Impostor", email: existing.email, password: "the impostor's password" }, address())).resolves.toBeUndefined();
    const after = await findUserByEmail(db(), existing.email);
    expect(after).toEqual(before);
    expect(await verifyPassword(after!.passwordHash, "the impostor's password")).toBe(false);
    expect(await listAudit(db(), { action: "user.register_existing" })).toEqual(
      expect.arrayContaining([expect.objectContaining({ details: expect.objectContaining({ email: existing.email }) })]),
    );
  });

  it("limits accounts created from one address per minute, whatever the policy says", async () => {
    await setSignupPolicy(admin, { policy: "open", domains: "" });
    const from = address();
    for (let i = 0; i < 10; i++) await register(form(email()), from); // REGISTER_MAX_PER_ADDRESS, default 10
    const over = email();
    await expect(register(form(over), from)).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(await findUserByEmail(db(), over)).toBeNull();
    // Another address is not held back by it.
    await register(form(over), address());
    expect(await findUserByEmail(db(), over)).not.toBeNull();
    console.log("registrations from one address in a minute: 11 tried, 10 accepted");
  });
});
