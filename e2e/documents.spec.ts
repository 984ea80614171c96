import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { confirm, confirmation } from "./pages/confirm";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

const policy = (rate: string) => `# Mileage Policy\n\nPrivate cars used for business are reimbursed at ${rate} per kilometre, claimed on Form MIL-2.\n`;

test("an admin uploads several files by drag and drop, versions one, filters, restricts, re-indexes and deletes", async ({ page }) => {
  const stamp = Date.now();
  const name = `mileage-${stamp}.md`;
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();

  // Two files dropped at once: a progress bar each and one overall, then a status per file.
  await documents.drop([
    { name, content: policy("0.30 euros") },
    { name: `visitors-${stamp}.txt`, content: "Visitors sign in at reception and wear a badge." },
  ]);
  await expect(page.getByLabel("Overall upload progress")).toBeVisible();
  await expect(page.getByText(`${name}: queued as version 1`)).toBeVisible();
  await expect(page.getByText(`visitors-${stamp}.txt: queued as version 1`)).toBeVisible();
  await documents.waitUntilReady(name);

  // The same bytes again change nothing; new bytes under the same name become version 2.
  await documents.upload(name, policy("0.30 euros"));
  await expect(page.getByText(`${name}: unchanged: identical to version 1`)).toBeVisible();
  await documents.upload(name, policy("0.35 euros"));
  await expect(page.getByText(`${name}: queued as version 2`)).toBeVisible();
  await documents.waitUntilReady(name);

  // Search narrows the list.
  await page.getByLabel("Search").fill(`visitors-${stamp}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("document-row")).toHaveCount(1);
  await page.goto("/admin/documents");

  // The document page: history, readers, re-index, delete.
  await documents.row(name).getByRole("link", { name: "Mileage Policy" }).click();
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  await expect(page.getByTestId("version-row").first()).toContainText("2 (current)");
  await expect(page.getByTestId("version-row").first().getByRole("cell").nth(2)).toHaveText(/^\d+(\.\d)? (B|kB)$/); // sized as in the documents table
  await expect(page.getByTestId("version-row").nth(1)).toContainText("1 (superseded)");

  // An explicit new version, from a file with another name.
  await page.getByLabel("Upload a new version").setInputFiles({ name: "mileage-final.md", mimeType: "text/markdown", buffer: Buffer.from(policy("0.40 euros")) });
  await expect(page.getByText("mileage-final.md: queued as version 3")).toBeVisible();
  await expect(page.getByTestId("version-row")).toHaveCount(3);

  await page.getByLabel("Everyone").uncheck();
  await page.getByLabel("New group").fill(`finance-${stamp}`);
  await page.getByRole("button", { name: "Save readers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Readers saved" })).toBeVisible();
  await page.goto("/admin/documents");
  await expect(documents.row(name)).toContainText(`finance-${stamp}`);

  await documents.row(name).getByRole("link", { name: "Mileage Policy" }).click();
  // Exact, and on the document's own page: the list's "Re-index all N documents" also holds the words.
  await expect(page.getByRole("heading", { level: 1, name: "Mileage Policy" })).toBeVisible();
  await page.getByRole("button", { name: "Re-index", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Re-indexing as version 4" })).toBeVisible();

  const documentPage = page.url();

  // An answer that cites the document, before it is deleted.
  await page.goto("/");
  const chat = new ChatPage(page);
  await chat.ask(`How much are private cars reimbursed per kilometre on Form MIL-2?`);
  await expect(chat.sources()).toContainText("Mileage Policy");
  const conversation = page.url();

  await page.goto(documentPage);
  // Asked first: Escape keeps the document, and the focus goes back to the button.
  const remove = page.getByRole("button", { name: "Delete", exact: true });
  await remove.click();
  await expect(confirmation(page)).toContainText("Delete this document?");
  await page.keyboard.press("Escape");
  await expect(confirmation(page)).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(page).toHaveURL(documentPage);
  await remove.click();
  await confirm(page, "Delete document");
  await expect(page).toHaveURL(/\/admin\/documents$/);
  await expect(documents.row(name)).toHaveCount(0);

  // The past answer keeps its citation and says the source was deleted; the viewer says so too.
  await page.goto(conversation);
  await expect(chat.sources()).toContainText("source deleted");
  await chat.sources().getByRole("link", { name: "Mileage Policy" }).first().click();
  await expect(page.getByRole("status")).toContainText("This source was deleted");
});

test("an admin re-indexes the documents a search keeps, after asking, each as a new version, and no other", async ({ page }) => {
  const stamp = Date.now();
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  const files = [`lockers-${stamp}-a.md`, `lockers-${stamp}-b.md`, `bins-${stamp}.md`];
  await documents.drop(files.map((name) => ({ name, content: `# ${name}\n\nLockers and bins of ${name} are emptied every Friday.\n`, mimeType: "text/markdown" })));
  for (const name of files) await documents.waitUntilReady(name);
  const version = (name: string) => documents.row(name).getByRole("cell").nth(3);

  await page.getByLabel("Search").fill(`lockers-${stamp}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("document-row")).toHaveCount(2);
  // Asked first, naming what it does; Cancel changes nothing.
  const reindex = page.getByRole("button", { name: "Re-index these 2 documents" });
  await reindex.click();
  await expect(confirmation(page)).toContainText("Re-index these 2 documents?");
  await confirmation(page).getByRole("button", { name: "Cancel" }).click();
  await expect(confirmation(page)).toHaveCount(0);
  await expect(version(files[0]!)).toHaveText("1");

  await reindex.click();
  await confirm(page, "Re-index these 2 documents");
  await expect(page.getByRole("status").filter({ hasText: "Re-indexing 2 documents as new versions" })).toBeVisible();
  for (const name of files.slice(0, 2)) {
    await expect(version(name)).toHaveText("2", { timeout: 30_000 });
    await documents.waitUntilReady(name);
  }
  // The document the search left out keeps its version.
  await page.getByLabel("Search").fill(`bins-${stamp}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("document-row")).toHaveCount(1);
  await expect(version(files[2]!)).toHaveText("1");
});
