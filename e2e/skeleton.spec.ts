import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

const POLICY = `# Remote Work Policy

## Eligibility
Employees who have completed their probation period may work remotely up to three days per week.
Remote work must be agreed with the team lead in advance using Form RW-7.

## Equipment
The company provides a laptop and a monitor for home offices. Employees pay for their own internet connection.
`;

// Serial: the second test expects the first one's document to exist.
test.describe.configure({ mode: "serial" });
const stamp = Date.now();

test("admin uploads a policy; an employee asks, follows the citation, and finds the conversation again", async ({ page }) => {
  const auth = new AuthPages(page);

  await auth.signIn(ADMIN.email, ADMIN.password);
  await expect(page.getByRole("link", { name: "Manage documents" })).toBeVisible();

  const documents = new DocumentsPage(page);
  await documents.open();
  await documents.upload("remote-work.md", POLICY);
  await expect(page.getByText("remote-work.md: queued as version 1")).toBeVisible();
  await documents.waitUntilReady("remote-work.md");
  await expect(documents.row("remote-work.md")).toContainText("Remote Work Policy");

  // Bad files get a per-file message a person can act on, and are not listed.
  await documents.upload("empty.md", "");
  await expect(page.getByRole("alert").filter({ hasText: "empty.md" })).toContainText("is empty");
  await page.getByLabel(/Upload documents/).setInputFiles({
    name: "picture.md",
    mimeType: "text/markdown",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  });
  await expect(page.getByRole("alert").filter({ hasText: "picture.md" })).toContainText("not a supported document");
  await expect(documents.row(/empty\.md|picture\.md/)).toHaveCount(0);
  await auth.signOut();

  // A later account is an employee: no admin link, and the admin page does not exist for them.
  await auth.register("Emil Employee", `employee-${stamp}@example.com`, "correct horse battery");
  await expect(page.getByRole("link", { name: "Manage documents" })).toHaveCount(0);
  expect((await page.goto("/admin/documents"))?.status()).toBe(404);
  await page.goto("/");

  const chat = new ChatPage(page);
  const lengths = await chat.ask("How many days per week can I work remotely?");
  // Streamed: the answer was seen growing, not appearing at once.
  expect(new Set(lengths.filter((l) => l > 0)).size).toBeGreaterThan(2);
  await expect(chat.lastAnswer()).toContainText("three days per week");
  await expect(chat.citation(1)).toBeVisible();
  await expect(chat.sources()).toContainText("Remote Work Policy");
  await expect(chat.lastAnswer().getByTestId("answered-by")).toContainText("builtin-extractive");

  // The citation opens the source viewer with the passage highlighted and in view.
  await chat.citation(1).click();
  await expect(page.getByRole("heading", { name: "Remote Work Policy", level: 1 })).toBeVisible();
  const passage = page.getByTestId("cited-passage").filter({ hasText: "three days per week" });
  await expect(passage).toBeVisible();
  await expect(passage).toBeInViewport();

  // The conversation is saved: it is in the sidebar after a reload, with its answer and citation.
  await page.goto("/");
  const saved = page.getByTestId("conversation-list").getByRole("link", { name: /How many days per week/ });
  await expect(saved).toBeVisible();
  await page.reload();
  await saved.click();
  await expect(page.getByTestId("user-message")).toHaveText("How many days per week can I work remotely?");
  await expect(chat.lastAnswer()).toContainText("three days per week");
  await expect(chat.citation(1)).toBeVisible();

  // Nothing relevant: the assistant says so and cites nothing.
  await chat.ask("What is the capital of France?");
  await expect(chat.lastAnswer()).toContainText("couldn't find this in the documents");
  await expect(chat.lastAnswer().getByRole("link", { name: /^Source/ })).toHaveCount(0);
});

test("the sample policies load from the first screen, and a citation opens the PDF's page with the passage marked", async ({ page }) => {
  const auth = new AuthPages(page);
  await auth.signIn(ADMIN.email, ADMIN.password);
  // Documents exist already, so the offer is a button on the documents page, not on the empty chat.
  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("button", { name: "Load sample policies" }).click();
  // Other tests may have loaded them first: either way the button says what it did.
  await expect(page.getByRole("status").filter({ hasText: /Loading 4 sample policies|already loaded/ })).toBeVisible();
  for (const file of ["travel-policy.md", "leave-policy.md", "expenses-policy.pdf", "it-security-policy.docx"]) {
    await documents.waitUntilReady(file);
  }
  // A second load changes nothing, and says so rather than nothing at all.
  await page.getByRole("button", { name: "Load sample policies" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The sample policies are already loaded: nothing changed." })).toBeVisible();

  await page.goto("/");
  const chat = new ChatPage(page);
  await chat.ask("How much can I claim for client meals?");
  await expect(chat.lastAnswer()).toContainText("85 per person");
  await expect(chat.sources()).toContainText("Expenses Policy");
  await chat.citation(1).click();
  await expect(page.getByText("expenses-policy.pdf · version 1")).toBeVisible();
  await expect(page.getByText(/^Page \d+$/).first()).toBeVisible();
  await expect(page.getByTestId("cited-passage").filter({ hasText: "Client meals 85 per person" })).toBeInViewport();
});
