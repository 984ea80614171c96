import { expect, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { DocumentsPage } from "./pages/documents";

/** Signs in as the admin, uploads Markdown documents that are not there yet, waits until they are ready, signs out. */
export async function ensureDocuments(page: Page, files: Record<string, string>) {
  const auth = new AuthPages(page);
  await auth.signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  for (const [name, content] of Object.entries(files)) {
    if ((await documents.row(name).count()) === 0) await documents.upload(name, content);
  }
  for (const name of Object.keys(files)) await documents.waitUntilReady(name);
  await auth.signOut();
}

/** A new employee account, signed in, on the empty chat. */
export async function newEmployee(page: Page, label: string) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await new AuthPages(page).register(`Emma ${label}`, email, "correct horse battery");
  await expect(page.getByLabel("Your question")).toBeVisible();
  return email;
}
