import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { signInAdmin, registerUser, type Account } from "./support/api";
import { AccessAdminPages } from "./pages/admin-access";
import { AuthPages } from "./pages/auth";
import { confirm } from "./pages/confirm";
import { ChatPage } from "./pages/chat";

type SavedSession = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * A session cookie copied before its session ended (sign-out, "Sign out everywhere", deactivation,
 * a password change)
 * and replayed afterwards must get nothing: not an answer from /api/chat, not a page.
 */
async function replay(browser: Browser, saved: SavedSession, conversationId: string) {
  const context = await browser.newContext({ storageState: saved });
  const request = context.request;
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const chat = await request.post("/api/chat", {
    headers: { Origin: origin, "Sec-Fetch-Site": "same-origin" },
    data: { id: randomUUID(), message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "How many days of annual leave do I get?" }] } },
  });
  const home = await request.get("/", { maxRedirects: 0 });
  const conversation = await request.get(`/c/${conversationId}`, { maxRedirects: 0 });
  const accepted = { "POST /api/chat": chat.ok(), "GET /": home.ok(), "GET /c/:id": conversation.ok() };
  await context.close();
  return accepted;
}

async function startConversation(account: Account): Promise<string> {
  await account.page.goto("/");
  await new ChatPage(account.page).ask("What is the travel policy?");
  await expect(account.page).toHaveURL(/\/c\/[0-9a-f-]{36}/);
  return /\/c\/([0-9a-f-]{36})/.exec(account.page.url())![1]!;
}

test("a session cookie saved before its session ended is refused on route handlers and pages", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signInAdmin(browser);
  const users = new AccessAdminPages(admin.page);
  let probes = 0;
  let accepted = 0;
  const expectRefused = async (how: string, saved: SavedSession, conversationId: string) => {
    for (const [probe, ok] of Object.entries(await replay(browser, saved, conversationId))) {
      probes++;
      if (ok) accepted++;
      expect.soft(ok, `${probe} after ${how}`).toBe(false);
    }
  };

  // Signing out in one browser ends the copy too, and the session on a second device.
  const employee = await registerUser(browser, "Sam Session");
  const conversationId = await startConversation(employee);
  const saved = await employee.context.storageState();
  // The cookie lasts the idle limit (SESSION_IDLE_HOURS, 8 by default), not Auth.js's 30 days.
  const cookie = saved.cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(Math.abs(cookie!.expires - (Date.now() / 1000 + 8 * 3600))).toBeLessThan(300);
  expect(await replay(browser, saved, conversationId), "the copied cookie works while the session lasts").toEqual({ "POST /api/chat": true, "GET /": true, "GET /c/:id": true });
  const secondDevice = await browser.newContext();
  const phone = await secondDevice.newPage();
  await new AuthPages(phone).signIn(employee.email, employee.password);
  await new AuthPages(employee.page).signOut();
  await expectRefused("sign-out", saved, conversationId);
  await phone.goto("/");
  await expect(phone, "the other device's session ended too").toHaveURL(/\/login$/);

  // An administrator's "Sign out everywhere".
  await new AuthPages(employee.page).signIn(employee.email, employee.password);
  const again = await employee.context.storageState();
  await admin.page.goto("/admin/users");
  await users.userRow(employee.email).getByRole("button", { name: "Sign out everywhere" }).click();
  await confirm(admin.page, "Sign out everywhere");
  await expect(users.userRow(employee.email).getByRole("status")).toContainText("Signed out everywhere");
  await expectRefused("Sign out everywhere", again, conversationId);

  // Deactivation, and reactivation does not revive the old cookie.
  await new AuthPages(employee.page).signIn(employee.email, employee.password);
  const beforeDeactivation = await employee.context.storageState();
  await users.userRow(employee.email).getByRole("button", { name: "Deactivate" }).click();
  await confirm(admin.page, "Deactivate");
  await expect(users.userRow(employee.email).getByTestId("user-status")).toHaveText("deactivated");
  await users.userRow(employee.email).getByRole("button", { name: "Reactivate" }).click();
  await expect(users.userRow(employee.email).getByTestId("user-status")).toHaveText("active");
  await expectRefused("deactivation and reactivation", beforeDeactivation, conversationId);

  // A password change on the account page: this browser is signed out as well, and the new password works.
  await new AuthPages(employee.page).signIn(employee.email, employee.password);
  const beforeChange = await employee.context.storageState();
  await employee.page.goto("/account");
  await employee.page.getByLabel("Current password").fill(employee.password);
  await employee.page.getByLabel("New password").fill("a brand new password");
  await employee.page.getByRole("button", { name: "Change password" }).click();
  await expect(employee.page).toHaveURL(/\/login$/);
  await expectRefused("a password change", beforeChange, conversationId);
  await new AuthPages(employee.page).signIn(employee.email, "a brand new password");

  console.log(`sessions replayed after sign-out: ${probes} probes, ${accepted} accepted`);
  expect(accepted).toBe(0);
  await secondDevice.close();
  await employee.context.close();
  await admin.context.close();
});
