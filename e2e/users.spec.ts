import { expect, test, type Browser } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AccessAdminPages } from "./pages/admin-access";
import { AuthPages } from "./pages/auth";
import { confirm } from "./pages/confirm";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

async function signedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).signIn(email, password);
  return page;
}

test("an admin grants and withdraws a document through a group; deactivation signs the user out on the next request", async ({ page, browser }) => {
  const stamp = Date.now();
  const group = `auditors-${stamp}`;
  const user = { name: "Uma User", email: `uma-${stamp}@example.com`, password: "uma's password 1" };
  const code = `AUD${stamp}`;
  const title = `Audit Handbook ${code}`;
  const question = `What is the ${code} sampling rate?`;

  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const admin = new AccessAdminPages(page);
  await admin.createGroup(group);
  await admin.createUser(user);
  await expect(admin.userRow(user.email)).toContainText("employee");

  // Assign the group from the user's row.
  const row = admin.userRow(user.email);
  await row.getByText("no groups").click();
  await row.getByLabel(group).check();
  await row.getByRole("button", { name: "Save groups" }).click();
  await expect(row.getByRole("status")).toHaveText("Groups saved. They apply from the next question on.");
  await expect(row.locator("summary")).toHaveText(group);

  // A document only that group may read.
  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("group", { name: "Who may read the uploaded documents" }).getByLabel(group).check();
  await documents.upload(`audit-${stamp}.md`, `# ${title}\n\nInternal auditors sample ${code} transactions at a rate of 7 percent per quarter.\n`);
  await documents.waitUntilReady(`audit-${stamp}.md`);
  await expect(documents.row(`audit-${stamp}.md`)).toContainText(group);

  // The member signs in and the answer draws on it.
  const member = await signedIn(browser, user.email, user.password);
  const chat = new ChatPage(member);
  await chat.ask(question);
  await expect(chat.sources()).toContainText(title);

  // The admin removes the membership; the member's next question no longer retrieves it.
  await admin.openGroup(group);
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await page.getByRole("button", { name: `Remove ${user.email}` }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(0);
  await chat.ask(question);
  await expect(chat.lastAnswer()).not.toContainText(title);
  await expect(chat.lastAnswer()).not.toContainText("7 percent");

  // Deactivated: the open session ends on its next request.
  await page.goto("/admin/users");
  await admin.userRow(user.email).getByRole("button", { name: "Deactivate" }).click();
  await confirm(page, "Deactivate");
  await expect(admin.userRow(user.email).getByTestId("user-status")).toHaveText("deactivated");
  await member.reload();
  await expect(member).toHaveURL(/\/login$/);
  const api = await member.request.post("/api/chat", { data: {} });
  expect(api.status()).toBe(401);
  // And cannot sign in again.
  await member.getByLabel("Email").fill(user.email);
  await member.getByLabel("Password").fill(user.password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByText("The email or password is not right. Check them and try again.")).toBeVisible();

  // Every step is in the audit log.
  await page.goto("/admin/audit");
  await page.getByLabel("Actor").fill(ADMIN.email);
  await page.getByRole("button", { name: "Filter" }).click();
  const actions = await page.getByTestId("audit-row").allTextContents();
  for (const action of ["group.create", "user.create", "group.member_add", "document.upload", "group.member_remove", "user.deactivate"]) {
    expect(actions.some((a) => a.includes(action))).toBe(true);
  }
  await page.getByLabel("Action").selectOption("user.deactivate");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("audit-row").first()).toContainText(user.email);
  await member.context().close();
});

test("an invitation link lets the invitee choose name and password, once", async ({ page, browser }) => {
  const email = `ivan-${Date.now()}@example.com`;
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const link = await new AccessAdminPages(page).invite(email);
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);

  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest.getByText(`You were invited as ${email}`)).toBeVisible();
  await guest.getByLabel("Name").fill("Ivan Invitee");
  await guest.getByLabel("Password").fill("ivan's password");
  await guest.getByRole("button", { name: "Create account" }).click();
  await expect(guest.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await guest.goto(link);
  await expect(guest.getByRole("alert").filter({ hasText: "used already or has expired" })).toBeVisible();
  await context.close();
});

test("repeated wrong passwords slow the account down with a clear message, never lock its owner out, and never slow the owner's own browser", async ({ page, browser }) => {
  // Its own account: slowing down the shared admin would delay the specs that follow.
  const victim = { email: `tess-${Date.now()}@example.com`, password: "tess's password" };
  const auth = new AuthPages(page);
  await auth.register("Tess", victim.email, victim.password); // this browser is now known to her account
  await auth.signOut();
  // A stranger's browser. No proxy is trusted here (TRUSTED_PROXIES is empty): the forged header must not become the address.
  const stranger = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
  const guesser = await stranger.newPage();
  await guesser.goto("/login");
  const attempt = async (password: string) => {
    await guesser.getByLabel("Email").fill(victim.email);
    await guesser.getByLabel("Password").fill(password);
    await guesser.getByRole("button", { name: "Sign in" }).click();
    // One attempt at a time: the form clears itself once the answer is in.
    await expect(guesser.getByLabel("Password")).toHaveValue("");
  };
  // Three free failures, then a fourth that starts a wait (SIGNIN_DELAY_BASE_MS, playwright.config.ts).
  for (let i = 0; i < 4; i++) {
    await attempt(`wrong guess ${i}`);
    await expect(guesser.getByRole("alert").filter({ hasText: "The email or password is not right. Check them and try again." })).toBeVisible();
    await expect(guesser.getByLabel("Email")).toHaveValue(victim.email); // kept for the next try
  }
  // During the wait even the right password is turned away there, with how long to wait...
  await attempt(victim.password);
  const throttled = guesser.getByRole("alert").filter({ hasText: /^Too many failed sign-ins\. Try again in \d+ seconds?\.$/ });
  await expect(throttled).toBeVisible();
  await expect(guesser).toHaveURL(/\/login$/);
  const seconds = Number(/in (\d+) second/.exec((await throttled.textContent()) ?? "")?.[1]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(2);
  // ...while Tess, on the browser she signed in with before, gets in at once (its device cookie).
  await page.getByLabel("Email").fill(victim.email);
  await page.getByLabel("Password").fill(victim.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  // And once the wait has passed, the right password works from anywhere: slowed down, not locked out.
  await guesser.waitForTimeout(seconds * 1000);
  await guesser.getByLabel("Password").fill(victim.password);
  await guesser.getByRole("button", { name: "Sign in" }).click();
  await expect(guesser.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await stranger.close();
  // The audit log names the address the connection came from, not the one the header claimed.
  const admin = await signedIn(browser, ADMIN.email, ADMIN.password);
  await admin.goto("/admin/audit?action=auth.sign_in_failed");
  const failed = admin.getByRole("row").filter({ hasText: victim.email }).first();
  await expect(failed).toContainText(/"address":"(127\.0\.0\.1|::1)"/);
  await expect(failed).not.toContainText("203.0.113.77");
  await admin.context().close();
});

test("chat requests past the per-minute limit get 429 with a wait; over-long questions say how long they may be", async ({ page }) => {
  await new AuthPages(page).register("Rita Rate", `rita-${Date.now()}@example.com`, "rita's password");
  const ask = (text: string) =>
    page.request.post("/api/chat", {
      data: { id: crypto.randomUUID(), message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text }] } },
      failOnStatusCode: false,
    });
  // Over-long questions are refused, but still count as requests (the server did work for them).
  for (let i = 0; i < 20; i++) {
    const response = await ask("x".repeat(2001));
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toBe("Questions can be at most 2000 characters. Shorten it and ask again.");
  }
  const limited = await ask("How many days of annual leave do I get?");
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error.message).toMatch(/^You have asked 20 questions in the last minute\. Try again in \d+ seconds\.$/);
});
