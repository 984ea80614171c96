import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { findUserByEmail } from "@/db/queries/users";
import { setupTokens, signupSettings, users } from "@/db/schema";
import { db } from "../db";
import { createFirstAdmin, issueSetupToken, setupTokenValid } from "./first-admin";
import { register } from "./register";

const account = () => ({ name: "First Admin", email: `first-${randomUUID().slice(0, 8)}@example.com`, password: "a long enough password" });

describe("the first administrator of a fresh install", () => {
  // The test database is shared: its admins step aside for this file and are restored after it.
  let demoted: string[] = [];
  let created: string[] = [];
  beforeAll(async () => {
    demoted = (await db().update(users).set({ role: "employee" }).where(inArray(users.role, ["admin"])).returning({ id: users.id })).map((u) => u.id);
    await db().delete(signupSettings);
  });
  afterAll(async () => {
    if (created.length) await db().update(users).set({ role: "employee" }).where(inArray(users.id, created));
    if (demoted.length) await db().update(users).set({ role: "admin" }).where(inArray(users.id, demoted));
    await db().delete(setupTokens);
  });

  it("cannot be made by registering, whatever the policy", async () => {
    await db().insert(signupSettings).values({ id: true, policy: "open" });
    const first = account();
    await expect(register(first, `203.0.113.${Math.floor(Math.random() * 250)}`)).rejects.toMatchObject({ code: "forbidden", message: /not set up yet/ });
    expect(await findUserByEmail(db(), first.email)).toBeNull();
    await db().delete(signupSettings);
  });

  it("is made only through the setup link's token, once; a restart's new link replaces the old", async () => {
    const old = (await issueSetupToken())!;
    const token = (await issueSetupToken())!;
    expect(token).not.toBe(old);
    expect(await setupTokenValid(old)).toBe(false);
    expect(await setupTokenValid(token)).toBe(true);

    const someone = account();
    for (const wrong of [old, "", token.slice(0, -1), token + "x", "x".repeat(500)]) {
      await expect(createFirstAdmin(wrong, someone)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await findUserByEmail(db(), someone.email)).toBeNull();

    const first = account();
    const [a, b] = await Promise.allSettled([createFirstAdmin(token, first), createFirstAdmin(token, account())]);
    const made = [a, b].filter((r) => r.status === "fulfilled");
    expect(made).toHaveLength(1); // two people racing with the link: one administrator
    const admin = (made[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof createFirstAdmin>>>).value;
    created = [admin.id];
    expect(admin.role).toBe("admin");

    expect(await setupTokenValid(token)).toBe(false);
    await expect(createFirstAdmin(token, account())).rejects.toMatchObject({ code: "not_found" });
    expect(await issueSetupToken()).toBeNull(); // no link is printed once an administrator exists
  });
});
