import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";
import { SourcePage } from "./pages/source";
import { latestAnswerId } from "./support/api";

test.describe.configure({ mode: "serial" });
const stamp = Date.now();

/**
 * Asks and returns the stored answer's id. Read from the test database once the chat has moved to
 * the conversation's address: the stream's own body is gone once that navigation happens.
 */
async function askForId(page: Page, question: string): Promise<string> {
  await new ChatPage(page).ask(question);
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const conversationId = page.url().split("/").at(-1)!;
  let id: string | undefined;
  await expect(async () => {
    id = await latestAnswerId(conversationId);
    expect(id, "the answer is stored").toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return id!;
}

test("citations open the PDF page and the DOCX passage highlighted in view, the cited sentence marked, and the original downloads", async ({ page }) => {
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("button", { name: "Load sample policies" }).click();
  await documents.waitUntilReady("expenses-policy.pdf");
  await documents.waitUntilReady("it-security-policy.docx");

  const chat = new ChatPage(page);
  const source = new SourcePage(page);
  await page.goto("/");
  await chat.ask("How much can I claim for client meals?");
  await expect(chat.sources()).toContainText("Expenses Policy");
  // The cited source's snippet starts at the quoted row, read as its labelled cells, not as Markdown.
  await expect(chat.sources()).toContainText("Category: Client meals; Limit (USD): 85 per person");
  await expect(chat.sources()).not.toContainText("| ---");
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(err.message));
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  const clicked = Date.now();
  await chat.citation(1).click();
  await expect(page.getByRole("heading", { name: "Expenses Policy", level: 1 })).toBeVisible();
  await source.expectPdfHighlight(/85 per person/);
  console.log(`citation click to highlighted PDF page: ${Date.now() - clicked} ms`);
  // The sentence the answer quoted is marked on the page, and in view.
  await expect(source.sentence().first()).toBeInViewport();
  await expect(source.sentence().first()).toContainText(/85 per person/);
  expect(problems).toEqual([]);

  // The text of the same version is one click away, marked too: the sentence inside the passage.
  await page.getByRole("button", { name: "Text" }).click();
  await expect(source.highlight().filter({ hasText: "85 per person" })).toBeVisible();
  await expect(source.highlight().getByTestId("cited-sentence").filter({ hasText: "85 per person" })).toBeInViewport();
  // The PDF's table reads as a table: its header is part of the cited passage, the quoted row is marked.
  await expect(page.getByRole("columnheader", { name: "Limit (USD)" }).getByTestId("cited-passage")).toBeVisible();
  await expect(page.getByRole("row", { name: /^Client meals 85 per person/ }).getByTestId("cited-sentence").first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download original" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("expenses-policy.pdf");
  const bytes = Buffer.concat(await Array.fromAsync((await file.createReadStream()) as AsyncIterable<Buffer>));
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

  await page.goto("/");
  await chat.ask("What should I do if my company laptop is stolen?");
  await expect(chat.sources()).toContainText("IT Security Policy");
  await chat.citation(1).click();
  await expect(page.getByRole("heading", { name: "IT Security Policy", level: 1 })).toBeVisible();
  await expect(page.getByText("it-security-policy.docx · version 1")).toBeVisible();
  // The passage starts in view; it may be longer than the window.
  await expect(source.highlight().first()).toBeInViewport();
  await expect(source.highlight().filter({ hasText: "Report lost or stolen devices" })).toBeVisible();
  await expect(source.sentence().first()).toBeInViewport();
  await expect(page.locator("canvas")).toHaveCount(0);
});

test("a list item quoted after its lead-in opens with both marked, on the PDF page and in the text", async ({ page }) => {
  // The samples are loaded by the test above.
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const chat = new ChatPage(page);
  const source = new SourcePage(page);
  await chat.ask("How much is the gym membership allowance?");
  await expect(chat.lastAnswer()).toContainText("The following are never reimbursed, even with a receipt: Personal grooming, clothing, and gym memberships.");
  // The marks on a PDF page follow its text layer, without the closing punctuation.
  const [lead, item] = ["The following are never reimbursed, even with a receipt", "Personal grooming, clothing, and gym memberships"];
  await chat.citation(1).click();
  await expect(page.getByRole("heading", { name: "Expenses Policy", level: 1 })).toBeVisible();
  await source.expectPdfHighlight(/gym memberships/);
  await expect(source.sentence().filter({ hasText: lead })).toHaveCount(1);
  await expect(source.sentence().filter({ hasText: item })).toBeInViewport();

  await page.getByRole("button", { name: "Text" }).click();
  await expect(source.sentence().filter({ hasText: lead })).toBeVisible();
  await expect(source.sentence().filter({ hasText: item })).toBeVisible();
});

test("an employee who may no longer read a document gets 404 for its viewer, file and citation details", async ({ page, browser }) => {
  const name = `bonus-${stamp}.md`;
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  await documents.upload(name, `# Bonus Scheme ${stamp}\n\nThe ${stamp} bonus is paid in March to everyone on the payroll on 1 January.\n`);
  await documents.waitUntilReady(name);

  const employee = await browser.newContext();
  const emil = await employee.newPage();
  await new AuthPages(emil).register("Emil Employee", `emil-${stamp}@example.com`, "correct horse battery");
  const answerId = await askForId(emil, `When is the ${stamp} bonus paid?`);
  const chat = new ChatPage(emil);
  await expect(chat.lastAnswer()).toContainText("March");
  const viewer = (await chat.citation(1).getAttribute("href"))!;
  const file = viewer.replace(/\?.*$/, "/file");
  const details = `/api/citations/${answerId}/1`;

  expect((await emil.goto(viewer))?.status()).toBe(200);
  expect((await emil.request.get(file)).status()).toBe(200);
  const detail = await emil.request.get(details);
  expect(detail.status()).toBe(200);
  expect(await detail.json()).toMatchObject({ title: `Bonus Scheme ${stamp}`, viewerUrl: viewer });

  // A newer version: the cited one stays viewable, says so, and links to the current one.
  await documents.open();
  await documents.upload(name, `# Bonus Scheme ${stamp}\n\nThe ${stamp} bonus is paid in April to everyone on the payroll on 1 February.\n`);
  await expect(page.getByText(`${name}: queued as version 2`)).toBeVisible();
  await documents.waitUntilReady(name);
  // Version 2 becomes current when its ingestion commits: reload until the viewer says so.
  await expect(async () => {
    await emil.goto(viewer);
    await expect(emil.getByRole("status")).toContainText("This is version 1; version 2 is current.", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(emil.getByTestId("cited-passage").filter({ hasText: "paid in March" })).toBeInViewport();
  await emil.getByRole("link", { name: "Open the current version" }).click();
  await expect(emil.getByText(`${name} · version 2`)).toBeVisible();
  // It opens at the same section of the current version.
  await expect(emil.getByTestId("cited-passage").filter({ hasText: "paid in April" })).toBeInViewport();
  await expect(emil.getByRole("status")).toHaveCount(0);

  // Another employee never sees Emil's citation, though the document is open to everyone.
  const other = await browser.newContext();
  const olga = await other.newPage();
  await new AuthPages(olga).register("Olga Other", `olga-${stamp}@example.com`, "correct horse battery");
  expect((await olga.request.get(details)).status()).toBe(404);

  // The admin restricts the document to a group Emil is not in.
  await documents.open();
  await documents.row(name).getByRole("link", { name: `Bonus Scheme ${stamp}` }).click();
  await page.getByLabel("Everyone").uncheck();
  await page.getByLabel("New group").fill(`payroll-${stamp}`);
  await page.getByRole("button", { name: "Save readers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Readers saved" })).toBeVisible();

  expect((await emil.goto(viewer))?.status()).toBe(404);
  expect((await emil.request.get(file)).status()).toBe(404);
  expect((await emil.request.get(details)).status()).toBe(404);
  await employee.close();
  await other.close();
});
