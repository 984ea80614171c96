/**
 * The sign-up policy holds at the page and at its server action: for each policy a stale open form
 * is submitted after the admin closed registration, and the page itself is probed. The server's
 * default here is `open` (playwright.config.ts), so every other spec can register; this one puts
 * it back when done.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AccessAdminPages, type Policy } from "./pages/admin-access";
import { AuthPages } from "./pages/auth";
import { signInAdmin } from "./support/api";

const REGISTERED = "If this address could be registered, its account is ready.";
const choosePolicy = (admin: Page, policy: Policy, domains = "") => new AccessAdminPages(admin).choosePolicy(policy, domains);

async function fillRegister(page: Page, email: string) {
  await page.getByLabel("Name").fill("Probe Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("probe's password 1");
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Whether this address can sign in now, i.e. whether an account was made for it. */
async function canSignIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("probe's password 1");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const outcome = await Promise.race([
    page.getByRole("navigation", { name: "Conversations" }).waitFor().then(() => true),
    page.getByRole("alert").filter({ hasText: /./ }).waitFor().then(() => false),
  ]);
  await context.close();
  return outcome;
}

// Whatever happens in a test, the specs after this file need registration open again.
test.afterEach(async ({ browser }) => {
  const admin = await signInAdmin(browser);
  await choosePolicy(admin.page, "open");
  await admin.context.close();
});

test("each sign-up policy is enforced by the register page and by its action", async ({ browser }) => {
  test.setTimeout(240_000); // a dozen policy changes and sign-in attempts
  const admin = await signInAdmin(browser);
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const refused: Record<string, number> = {};
  const probe = async (policy: Policy, domains: string, email: string, message: RegExp) => {
    await choosePolicy(admin.page, "open"); // a visitor's form, loaded while registration was open...
    await visitor.goto("/register");
    await choosePolicy(admin.page, policy, domains); // ...and submitted after it closed
    await fillRegister(visitor, email);
    await expect(visitor.getByRole("alert").filter({ hasText: message })).toBeVisible();
    expect(await canSignIn(browser, email)).toBe(false);
    refused[policy] = (refused[policy] ?? 0) + 1;
    if (policy !== "domains") {
      // The page itself offers no form at all.
      await visitor.goto("/register");
      await expect(visitor.getByRole("alert").filter({ hasText: message })).toBeVisible();
      await expect(visitor.getByLabel("Password")).toHaveCount(0);
      refused[policy]++;
    }
  };
  try {
    await probe("invite", "", `invite-${randomUUID().slice(0, 8)}@example.com`, /^Accounts are by invitation only\./);
    await probe("sso-only", "", `sso-${randomUUID().slice(0, 8)}@example.com`, /^Accounts are created through single sign-on\./);
    await probe("domains", "allowed.example", `outsider-${randomUUID().slice(0, 8)}@elsewhere.example`, /^Sign-up is open to addresses at allowed\.example only\./);

    // Under `domains` an address at an allowed domain gets in, as an employee.
    await visitor.goto("/register");
    await expect(visitor.getByRole("status")).toHaveText("Sign-up is open to addresses at allowed.example.");
    const insider = `insider-${randomUUID().slice(0, 8)}@allowed.example`;
    await fillRegister(visitor, insider);
    await expect(visitor.getByRole("status")).toContainText(REGISTERED);
    expect(await canSignIn(browser, insider)).toBe(true);
    console.log(`sign-up probes refused per policy: ${Object.entries(refused).map(([p, n]) => `${p} ${n}`).join(", ")}; accepted where allowed: 1 of 1`);
  } finally {
    await visitorContext.close();
    await admin.context.close();
  }
});

test("registering an address that has an account answers exactly as for a new one", async ({ page, browser }) => {
  const outcome = async (email: string) => {
    await page.goto("/register");
    await fillRegister(page, email);
    await expect(page.getByRole("status")).toContainText(REGISTERED);
    return { url: page.url(), text: await page.locator("main, body").first().innerText() };
  };
  const known = await outcome(ADMIN.email);
  const fresh = await outcome(`fresh-${randomUUID().slice(0, 8)}@example.com`);
  expect(known).toEqual(fresh);
  // And the existing account is untouched: its own password still works, the prober's does not.
  expect(await canSignIn(browser, ADMIN.email)).toBe(false);
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
});
