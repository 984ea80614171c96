import fs from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { ADMIN } from "../accounts";
import { AccessAdminPages } from "../pages/admin-access";
import { AuthPages } from "../pages/auth";
import { confirm } from "../pages/confirm";

test.skip(!process.env.E2E_OIDC_CLAIMS, "needs the test provider: npx playwright test -c playwright.oidc.config.ts");

type Claims = Record<string, { name?: string; email_verified?: boolean; groups?: string[] }>;
const atProvider = (claims: Claims) => fs.writeFileSync(process.env.E2E_OIDC_CLAIMS!, JSON.stringify(claims));

/** Signs in through the provider in a fresh browser (no provider session left from before). */
async function ssoSignIn(browser: Browser, login: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  return page;
}

test("single sign-on creates the account, follows the provider's groups and admin group, and refuses deactivated or unverified accounts", async ({ page, browser }) => {
  const stamp = Date.now();
  const email = `olga-${stamp}@example.com`;
  const [finance, legal] = [`sso-finance-${stamp}`, `sso-legal-${stamp}`];
  const unverified = { [`unverified-${stamp}@example.com`]: { email_verified: false } };
  atProvider({ [email]: { name: "Olga Okta", groups: [finance, legal] }, ...unverified });

  const olga = await ssoSignIn(browser, email);
  await expect(olga.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await expect(olga.getByText("Olga Okta")).toBeVisible();

  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const admin = new AccessAdminPages(page);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(admin.userRow(email).locator("summary")).toHaveText([finance, legal].sort().join(", "));
  await expect(admin.userRow(email).getByLabel("Role")).toHaveValue("employee");

  // The provider moves Olga out of finance and into the admin group: the next sign-in follows.
  atProvider({ [email]: { name: "Olga Okta", groups: [legal, "groundwork-admins"] }, ...unverified });
  const again = await ssoSignIn(browser, email);
  await expect(again.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await page.reload();
  await expect(admin.userRow(email).locator("summary")).toHaveText(["groundwork-admins", legal].sort().join(", "));
  await expect(admin.userRow(email).getByLabel("Role")).toHaveValue("admin");
  await page.goto(`/admin/audit?actor=${encodeURIComponent(email)}&action=group.member_remove`);
  await expect(page.getByTestId("audit-row").first()).toContainText(finance);

  // Deactivated here: the provider still vouches for her, but Groundwork refuses.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await admin.userRow(email).getByRole("button", { name: "Deactivate" }).click();
  await confirm(page, "Deactivate");
  await expect(admin.userRow(email).getByTestId("user-status")).toHaveText("deactivated");
  await again.reload();
  await expect(again).toHaveURL(/\/login/);
  const refused = await ssoSignIn(browser, email);
  await expect(refused).toHaveURL(/\/login\?error=AccessDenied/);
  await expect(refused.getByRole("alert").filter({ hasText: "This account cannot sign in" })).toBeVisible();

  const unconfirmed = await ssoSignIn(browser, `unverified-${stamp}@example.com`);
  await expect(unconfirmed.getByRole("alert").filter({ hasText: "This account cannot sign in" })).toBeVisible();
  await page.goto(`/admin/users?q=unverified-${stamp}`);
  await expect(page.getByText("No users match.")).toBeVisible();
});

test("single sign-on follows the sign-up policy: by invitation only, the provider's word is not enough, an invitation for the address is", async ({ page, browser }) => {
  const stamp = Date.now();
  const [stranger, invited] = [`stranger-${stamp}@example.com`, `invited-${stamp}@example.com`];
  atProvider({ [stranger]: { name: "Sam Stranger", groups: ["groundwork-admins"] }, [invited]: { name: "Ines Invited" } });
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const admin = new AccessAdminPages(page);
  await admin.choosePolicy("invite");
  try {
    const refused = await ssoSignIn(browser, stranger);
    await expect(refused).toHaveURL(/\/login\?error=AccessDenied&code=not_invited/);
    await expect(refused.getByRole("alert").filter({ hasText: "Groundwork is by invitation only" })).toBeVisible();
    await page.goto(`/admin/users?q=${encodeURIComponent(stranger)}`);
    await expect(page.getByText("No users match.")).toBeVisible();

    const link = await admin.invite(invited);
    const welcomed = await ssoSignIn(browser, invited);
    await expect(welcomed.getByRole("navigation", { name: "Conversations" })).toBeVisible();
    await expect(welcomed.getByText("Ines Invited")).toBeVisible();
    // The sign-in used the invitation up.
    await welcomed.goto(link);
    await expect(welcomed.getByRole("alert").filter({ hasText: "used already or has expired" })).toBeVisible();
  } finally {
    await admin.choosePolicy("open"); // the server's default in the browser tests
  }
});
