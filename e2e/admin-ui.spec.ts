import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { newEmployee } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

// Issue 19, admin and chat: one navigation and one <main> per page, editable document titles
// derived readably from file names, and a conversation exported as Markdown; at both widths.
const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 780 },
] as const;

test.describe.configure({ mode: "serial" });

// The admin signs in once for the whole file: sign-ins per account are rate limited.
const ADMIN_STATE = path.join(os.tmpdir(), `admin-ui-admin-${process.pid}.json`);

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  await context.storageState({ path: ADMIN_STATE });
  await context.close();
});

/** Exactly one navigation and one main landmark, counted in the DOM (a phone's menu hides its nav, it does not remove it). */
async function expectOneNavAndMain(page: Page, title: string | RegExp) {
  await expect(page.locator("nav, [role=navigation]")).toHaveCount(1);
  await expect(page.locator("main, [role=main]")).toHaveCount(1);
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

for (const size of WIDTHS) {
  test.describe(`${size.name} (${size.width} px)`, () => {
    test.use({ storageState: ADMIN_STATE });
    test.beforeEach(({ page }) => page.setViewportSize(size));

    test("chat, account, admin pages and the viewer each have one navigation, one main and a title", async ({ page }) => {
      await page.goto("/");
      await expectOneNavAndMain(page, "New chat");
      await page.goto("/account");
      await expectOneNavAndMain(page, "Your account");
      await new DocumentsPage(page).open();
      await expectOneNavAndMain(page, "Documents");
      await expect(page).toHaveTitle("Documents · Groundwork admin");
      const nav = page.getByRole("navigation", { name: "Administration" });
      await expect(nav.getByRole("link", { name: "Documents" })).toHaveAttribute("aria-current", "page");
      await nav.getByRole("link", { name: "Users" }).click();
      // Its table of per-user forms scrolls inside its own frame on a phone; the page does not.
      await expectOneNavAndMain(page, "Users");
      await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
      await expect(nav.getByRole("link", { name: "Documents" })).not.toHaveAttribute("aria-current", "page");
      await nav.getByRole("link", { name: "Get started" }).click();
      await expectOneNavAndMain(page, "Get started");
    });

    test("a file's name becomes a readable title, an admin edits it, and the table, answers and export show it", async ({ page, browser }) => {
      const stamp = `${size.width}${Date.now()}`;
      const filename = `zephyr_travel_allowance-${stamp}.txt`;
      const documents = new DocumentsPage(page);
      await documents.open();
      await documents.upload(filename, `Employees travelling abroad on zephyr ${stamp} business receive a daily meal allowance of 45 euros.`, "text/plain");
      await documents.waitUntilReady(filename);
      const row = documents.row(filename);
      await expect(row.getByRole("link", { name: `Zephyr Travel Allowance ${stamp}` })).toBeVisible();

      // Edited on the document's own page.
      await row.getByRole("link", { name: `Zephyr Travel Allowance ${stamp}` }).click();
      await expectOneNavAndMain(page, `Zephyr Travel Allowance ${stamp}`);
      const edited = `Meal Allowance Abroad ${stamp}`;
      await page.getByLabel("Title").fill(edited);
      await page.getByRole("button", { name: "Save title" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Title saved." })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(edited);
      await documents.open();
      await expect(row.getByRole("link", { name: edited })).toBeVisible();

      // A new answer cites it by the new title, and the viewer shows it.
      await page.goto("/");
      const chat = new ChatPage(page);
      const question = `What daily meal allowance applies on zephyr ${stamp} business abroad?`;
      await chat.ask(question);
      await expect(chat.sources()).toContainText(edited);
      const viewer = (await chat.citation(1).getAttribute("href"))!;

      // Exported as Markdown from the saved conversation.
      await page.goto(page.url());
      const conversation = new URL(page.url()).pathname;
      await expectOneNavAndMain(page, question);
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "Export as Markdown" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^what-daily-meal-allowance.*\.md$/);
      const markdown = await readFile((await download.path())!, "utf8");
      expect(markdown).toContain(`# ${question}`);
      expect(markdown).toContain(`## Question\n\n${question}\n`);
      const answer = markdown.split("### Answer\n\n")[1] ?? "";
      expect(answer).toContain("45 euros");
      expect(answer).toContain("[1]");
      expect(markdown).toMatch(new RegExp(`#### Sources\\n\\n1\\. ${edited}\\n`));

      await page.goto(viewer);
      await expectOneNavAndMain(page, edited);

      // Anyone else asking for that export gets 404, as for an id that never existed.
      const exportUrl = `/api/conversations${conversation.replace(/^\/c/, "")}/export`;
      expect((await page.request.get(exportUrl)).status()).toBe(200);
      const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const stranger = await other.newPage();
      await newEmployee(stranger, `export-${size.width}`);
      expect((await stranger.request.get(exportUrl)).status()).toBe(404);
      expect((await stranger.request.get(`/api/conversations/${crypto.randomUUID()}/export`)).status()).toBe(404);
      await other.close();
    });
  });
}
