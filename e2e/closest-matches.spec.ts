import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { newEmployee } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

// Nothing in the sample policies is about Tokyo or a dress code, yet "office" and "code" retrieve passages.
const UNANSWERED = "What is the dress code for the Tokyo office?";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  const auth = new AuthPages(page);
  await auth.signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("button", { name: "Load sample policies" }).click();
  for (const file of ["travel-policy.md", "leave-policy.md", "expenses-policy.pdf", "it-security-policy.docx"]) await documents.waitUntilReady(file);
  await auth.signOut();
  await page.close();
});

test("a not-found reply lists the closest passages as viewer links, apart from the answer, also after a reload", async ({ page }) => {
  await newEmployee(page, "tokyo");
  const chat = new ChatPage(page);
  await chat.ask(UNANSWERED);
  await expect(chat.lastAnswer().getByTestId("answer-text")).toContainText("couldn't find this in the documents");
  const closest = chat.closestMatches();
  await expect(closest).toBeVisible();
  await expect(closest.getByRole("heading", { name: "Closest matches in your documents" })).toBeVisible();
  const links = closest.getByRole("list", { name: "Closest matches in your documents" }).getByRole("link");
  expect(await links.count()).toBeGreaterThanOrEqual(1);
  expect(await links.count()).toBeLessThanOrEqual(3);
  // Not an answer: no citation markers, no chips, no "Sources" list, and the answer text links nothing.
  await expect(closest).not.toContainText(/\[\d+\]/);
  await expect(chat.lastAnswer().getByRole("link", { name: /^Source \d/ })).toHaveCount(0);
  await expect(chat.sources()).toHaveCount(0);
  await expect(chat.lastAnswer().getByTestId("answer-text").getByRole("link")).toHaveCount(0);

  const conversation = page.url();
  const first = links.first();
  const href = (await first.getAttribute("href"))!;
  expect(href).toMatch(/^\/sources\/[0-9a-f-]{36}\/[0-9a-f-]{36}\?chunk=[0-9a-f-]{36}$/);
  const title = (await first.textContent())!;
  await first.click();
  await page.waitForURL((url) => url.pathname + url.search === href);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // The viewer marks the passage, even though no answer cited it.
  await expect(page.getByTestId("cited-passage").first()).toBeVisible({ timeout: 20_000 });

  // Stored with the turn: the reloaded conversation shows the same passages.
  await page.goto(conversation);
  await expect(chat.closestMatches()).toBeVisible();
  await expect(chat.closestMatches().getByRole("link").first()).toHaveAttribute("href", href);
  expect(await chat.closestMatches().getByRole("link").count()).toBe(await links.count());
});

test("an answered question shows its sources and no closest matches", async ({ page }) => {
  await newEmployee(page, "answered");
  const chat = new ChatPage(page);
  await chat.ask("How much can I claim for client meals?");
  await expect(chat.lastAnswer()).toContainText("85 per person");
  await expect(chat.sources()).toBeVisible();
  await expect(chat.closestMatches()).toHaveCount(0);
  await page.reload();
  await expect(chat.sources()).toBeVisible();
  await expect(chat.closestMatches()).toHaveCount(0);
});
