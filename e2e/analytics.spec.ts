import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

const stamp = Date.now();

test("the admin sees which sources answers cite and which questions found nothing, and opens the conversation", async ({ page, browser }) => {
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("button", { name: "Load sample policies" }).click();
  await documents.waitUntilReady("expenses-policy.pdf");

  const chat = new ChatPage(page);
  await page.goto("/");
  await chat.ask("How much can I claim for client meals?");
  await expect(chat.sources()).toContainText("Expenses Policy");
  await page.goto("/");
  const unanswerable = `What is the capital of Atlantis ${stamp}?`;
  await chat.ask(unanswerable);
  await expect(chat.lastAnswer()).toContainText("couldn't find this in the documents");

  await documents.open();
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Cited sources" }).click();
  await expect(page.getByRole("heading", { name: "Cited sources" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("img", { name: /answers in 30 days, [1-9]\d* could not be answered/ })).toBeVisible();
  const most = page.getByRole("figure", { name: "Most cited documents" });
  await expect(most.getByTestId("bar").filter({ hasText: "Expenses Policy" })).toContainText(/[1-9]\d* answers?$/);
  await expect(page.getByRole("figure", { name: "Least cited documents" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Not cited in the last 30 days/ })).toBeVisible();

  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("img", { name: /answers in 7 days/ })).toBeVisible();

  // Click through to the conversation: read-only, at the answer that found nothing.
  await page.getByTestId("unanswered").getByRole("link", { name: unanswerable }).click();
  await expect(page).toHaveURL(/\/admin\/conversations\/[0-9a-f-]{36}#m-/);
  await expect(page.getByTestId("user-message")).toHaveText(unanswerable);
  await expect(page.getByText("The assistant found no answer.")).toBeVisible();
  await expect(page.getByLabel("Your question")).toHaveCount(0);
  const review = page.url().replace(/#.*$/, "");

  // Neither page exists for an employee.
  const employee = await browser.newContext();
  const emil = await employee.newPage();
  await new AuthPages(emil).register("Emil Employee", `emil-analytics-${stamp}@example.com`, "correct horse battery");
  expect((await emil.goto("/admin/analytics"))?.status()).toBe(404);
  expect((await emil.goto(review))?.status()).toBe(404);
  await employee.close();
});
