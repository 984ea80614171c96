import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";
import { SourcePage } from "./pages/source";

/*
 * `npm run screenshots`: the main pages as an employee and an admin see them, on the sample
 * policies, written to docs/screenshots/ for the documentation. Not part of `npm test` (the
 * config ignores this file unless SCREENSHOTS is set): it checks little and writes files.
 */

const OUT = path.join(process.cwd(), "docs/screenshots");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 780 };

test.describe.configure({ mode: "serial" });

async function shoot(page: Page, name: string) {
  // Animations and the blinking caret would make every run's images differ.
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: "disabled", caret: "hide" });
}

test("the main pages, at a desktop and a phone width", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);

  await page.goto("/admin/get-started");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "get-started");

  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("button", { name: "Load sample policies" }).click();
  for (const name of ["expenses-policy.pdf", "it-security-policy.docx", "leave-policy.md", "travel-policy.md"]) await documents.waitUntilReady(name);
  await shoot(page, "documents");

  const chat = new ChatPage(page);
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Suggested questions" })).toBeVisible();
  await shoot(page, "chat-empty");
  await chat.ask("How many days of annual leave do I get?");
  await chat.ask("How much can I claim for client meals?");
  await chat.citation(1).hover();
  await expect(page.getByRole("tooltip")).toBeVisible();
  await shoot(page, "chat");

  await chat.citation(1).click();
  await expect(new SourcePage(page).highlight().first()).toBeVisible();
  await shoot(page, "viewer");

  await page.setViewportSize(PHONE);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goBack();
  await expect(chat.lastAnswer()).toBeVisible();
  await shoot(page, "chat-phone-dark");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await shoot(page, "menu-phone-dark");
});
