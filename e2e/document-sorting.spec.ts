import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { DocumentsPage } from "./pages/documents";
import { LAYOUTS } from "./support/layouts";

// Issue 19: the admin documents table sorts by its columns, both ways, by mouse and keyboard, at a
// desktop and a phone width in both themes; on a phone it scrolls inside its box, not the page.

const TAG = `sort${Date.now().toString(36)}`;
/** Uploaded in this order; more sections make more chunks. */
const POLICIES = [
  { title: `Beta ${TAG}`, sections: 8 },
  { title: `Alpha ${TAG}`, sections: 1 },
  { title: `Gamma ${TAG}`, sections: 4 },
];
const policy = (title: string, sections: number) =>
  `# ${title}\n\n${Array.from({ length: sections }, (_, i) => `## Rule ${i + 1}\n\n${`Staff follow rule ${i + 1} of this policy on every working day of the year. `.repeat(12)}\n`).join("\n")}`;

test.describe.configure({ mode: "serial" });
const ADMIN_STATE = path.join(os.tmpdir(), `document-sorting-admin-${process.pid}.json`);

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  for (const p of POLICIES) await documents.upload(`${p.title.split(" ")[0]!.toLowerCase()}-${TAG}.md`, policy(p.title, p.sections));
  for (const p of POLICIES) await documents.waitUntilReady(`${p.title.split(" ")[0]!.toLowerCase()}-${TAG}.md`);
  await context.storageState({ path: ADMIN_STATE });
  await context.close();
});

/** The table's documents, top to bottom, by the first word of their titles. */
async function order(page: Page) {
  const titles = await page.getByTestId("document-row").locator("td:first-child").allTextContents();
  return titles.map((t) => t.trim().split(" ")[0]);
}

const header = (page: Page, name: string) => page.getByRole("columnheader", { name });

for (const layout of LAYOUTS) {
  test.describe(`${layout.width} px, ${layout.colorScheme}`, () => {
    test.use({ storageState: ADMIN_STATE, viewport: { width: layout.width, height: layout.height }, colorScheme: layout.colorScheme });

    test("sorts by title and by chunks, both ways, with aria-sort on the sorted column", async ({ page }) => {
      await page.goto(`/admin/documents?q=${TAG}`);
      // Newest first until asked otherwise.
      await expect.poll(() => order(page)).toEqual(["Gamma", "Alpha", "Beta"]);
      await expect(header(page, "Date")).toHaveAttribute("aria-sort", "descending");

      await header(page, "Document").getByRole("link").click();
      await expect.poll(() => order(page)).toEqual(["Alpha", "Beta", "Gamma"]);
      await expect(header(page, "Document")).toHaveAttribute("aria-sort", "ascending");
      await expect(header(page, "Date")).not.toHaveAttribute("aria-sort");
      await header(page, "Document").getByRole("link").click();
      await expect.poll(() => order(page)).toEqual(["Gamma", "Beta", "Alpha"]);
      await expect(header(page, "Document")).toHaveAttribute("aria-sort", "descending");

      // By keyboard: the header is a link, followed with Enter. Most chunks first.
      await header(page, "Chunks").getByRole("link").focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => order(page)).toEqual(["Beta", "Gamma", "Alpha"]);
      await expect(header(page, "Chunks")).toHaveAttribute("aria-sort", "descending");
      await header(page, "Chunks").getByRole("link").focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => order(page)).toEqual(["Alpha", "Gamma", "Beta"]);
      await expect(header(page, "Chunks")).toHaveAttribute("aria-sort", "ascending");
      // The order lives in the URL, with the filter: a reload keeps both.
      await page.reload();
      await expect.poll(() => order(page)).toEqual(["Alpha", "Gamma", "Beta"]);

      // Never wider than the screen; on a phone the table scrolls inside its box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(layout.width);
      const [scrollWidth, clientWidth] = await page.getByTestId("document-table").evaluate((t) => [t.scrollWidth, t.clientWidth]);
      if (layout.width < 768) expect(scrollWidth).toBeGreaterThan(clientWidth!);
    });
  });
}
