import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { DocumentsPage } from "./pages/documents";
import { RetrievalConsole } from "./pages/retrieval-console";

test("an admin inspects retrieval, as themself and as an employee; employees cannot open the console", async ({ page }) => {
  const stamp = Date.now();
  const employee = { name: "Eve Employee", email: `eve-${stamp}@example.com`, password: "a long enough password" };
  const auth = new AuthPages(page);
  await auth.register(employee.name, employee.email, employee.password);
  await auth.signOut();

  await auth.signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  await expect(page.getByText(/Keyword ranking in use: BM25 \(pg_textsearch\)/)).toBeVisible();
  const open = `parking-${stamp}.md`;
  const restricted = `parking-board-${stamp}.md`;
  await documents.upload(open, `# Parking Policy\n\n## Permits\nStaff parking permits (Form PK-${stamp % 1000}) cost 20 euros a month.\n`);
  await documents.waitUntilReady(open);
  await documents.upload(restricted, `# Board Parking\n\n## Reserved spaces\nBoard members have reserved parking spaces free of charge; parking permits are not needed.\n`);
  await documents.waitUntilReady(restricted);
  await documents.row(restricted).getByRole("link", { name: "Board Parking" }).click();
  await page.getByLabel("Everyone").uncheck();
  await page.getByLabel("New group").fill(`board-${stamp}`);
  await page.getByRole("button", { name: "Save readers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Readers saved" })).toBeVisible();

  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Retrieval" }).click();
  const retrieval = new RetrievalConsole(page);
  await expect(page.getByRole("heading", { name: "Retrieval console" })).toBeVisible();
  await expect(page.getByTestId("retrieval-config")).toContainText("Keyword ranking: BM25 (pg_textsearch)");
  await expect(page.getByTestId("retrieval-config")).toContainText("Embedding model:");

  // As the admin, who reads everything: both documents, with each leg's rank and score.
  await retrieval.ask(`How much does a parking permit cost with Form PK-${stamp % 1000}?`);
  const first = retrieval.rows().first();
  await expect(first).toContainText("Parking Policy");
  await expect(first.getByTestId("keyword-rank")).toHaveText(/^1 \(\d+\.\d\d\)$/);
  await expect(first.getByTestId("vector-rank")).toHaveText(/^\d+ \(0\.\d{3}\)|–$/);
  await expect(retrieval.rows("Board Parking")).toHaveCount(1);
  // No read replica configured here: the console says the primary answered, with no fallback.
  await expect(page.getByTestId("served-by")).toHaveText("Served by: the primary database");

  // As the employee: the restricted document is not there. (Counting rows would
  // not show it: other specs' documents fill the console's 20 places either way.)
  await retrieval.ask(`How much does a parking permit cost with Form PK-${stamp % 1000}?`, employee.email);
  await expect(page.getByText(`As ${employee.email}`)).toBeVisible();
  await expect(retrieval.rows("Parking Policy").first()).toBeVisible();
  await expect(retrieval.rows("Board Parking")).toHaveCount(0);

  // A result links to the source viewer at its chunk.
  await retrieval.rows("Parking Policy").first().getByRole("link", { name: "Parking Policy" }).click();
  await expect(page).toHaveURL(/\/sources\/[0-9a-f-]+\/[0-9a-f-]+\?chunk=[0-9a-f-]+/);

  // A follow-up is searched as the chat would search it.
  await retrieval.open();
  await page.getByLabel("Follow-up to (optional earlier question)").fill("How much does a parking permit cost?");
  await retrieval.ask("and for board members?");
  await expect(page.getByTestId("rewritten-query")).toContainText("and for board members? parking permit cost");
  await expect(retrieval.rows().first()).toContainText("Board Parking");

  // A misspelt word is searched as the documents spell it, and the console says so.
  await retrieval.open();
  await retrieval.ask(`What does a parkinng permit cost with Form PK-${stamp % 1000}?`);
  await expect(page.getByTestId("spelling-corrections")).toContainText("parkinng → parking");
  await expect(retrieval.rows().first()).toContainText("Parking Policy");

  // The console is for administrators only.
  await auth.signOut();
  await auth.signIn(employee.email, employee.password);
  const response = await page.goto("/admin/retrieval?q=parking");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Retrieval console" })).toHaveCount(0);
});
