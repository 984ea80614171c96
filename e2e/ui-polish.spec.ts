import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { THEME_COOKIE } from "../lib/ui/theme";
import { ADMIN } from "./accounts";
import { ensureDocuments, newEmployee } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";
import { LAYOUTS, layOut } from "./support/layouts";

// Issue 19: the small things a new user meets first, each at a desktop and a phone width, in the
// light and the dark theme. One employee and one admin page serve all four layouts: the window is
// resized and the system theme switched in place (as the accessibility sweep does), so the extra
// layouts cost page visits, not sign-ups, sign-ins and new browser contexts.
const POLICY = `# Bicycle Parking

## Garage
Bicycles can be parked in the basement garage on level minus two, which is open from six in the morning until ten in the evening on weekdays.

## Leasing
A bicycle lease runs for thirty six months, paid through monthly deductions from the gross salary, and covers commuting as well as private trips on weekends and during holidays, with insurance and servicing included when they are agreed with the leasing partner at the start of the lease; at its end the bicycle may be bought for a small residual value, or returned to any shop of the leasing partner, which then checks it for damage beyond normal wear before the lease is closed.
`;
const LONG_TITLE = "Which bicycles may employees lease through the leasing scheme, and for how long does a lease run?";

test.describe.configure({ mode: "serial" });

const SHORT_TITLE = "Where do bicycles park?";
/** Shared by every layout: a new employee with a short- and a long-titled conversation, and the admin. */
let employee: Page;
let admin: Page;
const contexts: BrowserContext[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  contexts.push(adminContext);
  admin = await adminContext.newPage();
  await ensureDocuments(admin, { "bicycle-parking.md": POLICY });
  // The admin signs in once for all the admin checks: sign-ins per account are rate limited.
  await new AuthPages(admin).signIn(ADMIN.email, ADMIN.password);
  const employeeContext = await browser.newContext();
  contexts.push(employeeContext);
  employee = await employeeContext.newPage();
  await newEmployee(employee, "ui-polish");
  // The titles' conversations, asked once; the other checks ask differently worded questions, so these two titles stay unique.
  const chat = new ChatPage(employee);
  await chat.ask(SHORT_TITLE);
  await employee.goto("/");
  await chat.ask(LONG_TITLE);
});
test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** On a phone the sidebar is behind the Menu button. */
async function openSidebar(page: Page, width: number) {
  if (width < 768) await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
}

for (const size of LAYOUTS) {
  test.describe(`${size.name} (${size.width} px)`, () => {
    test("favicon, app icons and the web manifest are served and linked", async ({ page, request }) => {
      await layOut(page, size);
      await page.goto("/login");
      const favicon = await request.get("/favicon.ico");
      expect(favicon.status()).toBe(200);
      expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
      const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
      const manifest = (await (await request.get(manifestHref!)).json()) as { name: string; icons: { src: string }[] };
      expect(manifest.name).toBe("Groundwork");
      const icons = [...manifest.icons.map((i) => i.src), ...(await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")!)))];
      expect(icons).toContain("/favicon.ico");
      for (const src of icons) expect((await request.get(src)).status(), src).toBe(200);
    });

    test("the theme button says what it will do, in either system theme", async () => {
      const page = employee;
      await layOut(page, size);
      await page.goto("/");
      await openSidebar(page, size.width);
      // The one on screen: with a phone's menu open, the hidden desktop panel is in the page too.
      const toggle = page.getByTestId("theme-toggle").filter({ visible: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await expect(toggle).toHaveText("Switch to light theme");
      await page.emulateMedia({ colorScheme: "light" });
      await expect(toggle).toHaveText("Switch to dark theme");
      await toggle.click();
      await expect(toggle).toHaveText("Switch to light theme");
      await expect(page.locator("html")).toHaveClass(/dark/);
      // The choice is kept in a cookie: forgotten again, so the next layouts follow the system theme.
      await page.context().clearCookies({ name: THEME_COOKIE });
    });

    test("conversation titles use the row's width, and a cut title shows whole on hover", async () => {
      const page = employee;
      await layOut(page, size);
      await page.goto("/");
      await openSidebar(page, size.width);
      const list = new ChatPage(page).conversations();
      const short = list.getByRole("link", { name: SHORT_TITLE });
      // Not cut: the whole short title fits.
      expect(await short.evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true);
      if (size.width >= 768) {
        // The hidden actions button takes no room: the title has nearly the row's whole width.
        const [link, row] = await short.evaluate((a) => [a.clientWidth, a.closest("li")!.clientWidth]);
        expect(link).toBeGreaterThan(row! * 0.9);
      }
      const long = list.getByRole("link", { name: LONG_TITLE.slice(0, 80) });
      await long.hover();
      await expect(long).toHaveAttribute("title", LONG_TITLE.slice(0, 80));
      await short.hover();
      await expect(short).not.toHaveAttribute("title");
    });

    test("a question near the limit shows a counter; one over it is refused in view and kept in the box", async () => {
      const page = employee;
      await layOut(page, size);
      await page.goto("/");
      const chat = new ChatPage(page);
      await chat.question().fill("a".repeat(1000));
      await expect(page.getByTestId("question-count")).toHaveText("");
      await chat.question().fill("a".repeat(1700));
      await expect(page.getByTestId("question-count")).toHaveText("1,700 / 2,000");
      const tooLong = "b".repeat(2100);
      await chat.question().fill(tooLong);
      await chat.question().press("Enter");
      const error = page.getByTestId("composer-error");
      await expect(error).toHaveText(/at most 2,000 characters\. Shorten it by 100/);
      await expect(error).toBeInViewport();
      await expect(chat.question()).toHaveValue(tooLong);
      await expect(page.getByTestId("user-message")).toHaveCount(0);
      // Shortened, it is sent and the error goes.
      await chat.question().fill("Which floor is the bicycle garage on?");
      await chat.question().press("Enter");
      await expect(error).toBeHidden();
      await chat.waitForAnswer();
    });

    test("Escape as soon as the question is sent keeps the question, notes the stop and saves the conversation", async () => {
      const page = employee;
      await layOut(page, size);
      await page.goto("/");
      const chat = new ChatPage(page);
      const question = "How long does a bicycle lease run?";
      await chat.question().fill(question);
      // Pressed the moment it is sent, before the server has the request: the browser holds the
      // request back for a moment, as a slow network would (CI once lost this race without it).
      // The chat's transport holds the stop until the response begins (lib/chat/stop-once-answered.ts),
      // so the question still reaches the server and is stored with its stopped answer.
      await page.route("**/api/chat", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await route.continue().catch(() => undefined);
      });
      await chat.question().press("Enter");
      await page.keyboard.press("Escape");
      await expect(chat.lastAnswer().getByTestId("stopped-note")).toBeVisible();
      // Whether the first words came before the Escape is a race with the server (a fast machine
      // answers within the keypress): what matters is that the stop is kept either way.
      const url = page.url();
      expect(url).toMatch(/\/c\/[0-9a-f-]{36}$/);
      // Stored: after a reload the question is there, with its (empty) answer marked stopped.
      await expect(async () => {
        await page.goto(url);
        await expect(page.getByTestId("user-message")).toHaveText(question, { timeout: 1000 });
        await expect(chat.lastAnswer().getByTestId("stopped-note")).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      // The shared page asks again at the next layout: no request is held back there.
      await page.unroute("**/api/chat");
      await openSidebar(page, size.width);
      // This very conversation: each layout stops one with the same question.
      const link = chat.conversations().getByRole("link", { name: question }).and(page.locator(`[href="${new URL(url).pathname}"]`));
      await expect(link).toBeVisible();
    });
  });
}

for (const size of LAYOUTS) {
  test.describe(`admin, ${size.name} (${size.width} px)`, () => {
    test.beforeEach(() => layOut(admin, size));
    test("the documents table shows pages, chunks, size, uploader and date, and scrolls on its own on a phone", async () => {
      const page = admin;
      const documents = new DocumentsPage(page);
      await documents.open();
      const row = documents.row("bicycle-parking.md");
      expect(Number(await row.getByTestId("document-chunks").textContent())).toBeGreaterThan(0);
      await expect(row.getByTestId("document-pages")).toHaveText("–"); // Markdown has no pages
      await expect(row.getByTestId("document-size")).toHaveText(/^\d+(\.\d)? (B|kB)$/);
      await expect(row.getByTestId("document-uploader")).toHaveText(ADMIN.name);
      await expect(row.getByTestId("document-date")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
      // The page never gets wider than the screen; on a phone the table scrolls inside its box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      const table = page.getByTestId("document-table");
      const [scrollWidth, clientWidth] = await table.evaluate((t) => [t.scrollWidth, t.clientWidth]);
      if (size.width < 768) expect(scrollWidth).toBeGreaterThan(clientWidth!);
    });

    test("the embeddings page counts the active model's chunks", async () => {
      const page = admin;
      await page.goto("/admin/embeddings");
      const active = page.getByTestId("embedding-model-row").filter({ has: page.getByTestId("embedding-model-status").getByText("active", { exact: true }) });
      const progress = (await active.getByTestId("embedding-model-progress").textContent()) ?? "";
      const [, embedded, total] = /^(\d+) \/ (\d+) chunks/.exec(progress) ?? [];
      expect(Number(total)).toBeGreaterThan(0);
      expect(embedded).toBe(total);
    });

    test("the upload list follows each file until it is final; a refused or failed file shows its reason in red", async () => {
      const page = admin;
      const stamp = `${size.width}-${size.colorScheme}-${Date.now()}`;
      const documents = new DocumentsPage(page);
      await documents.open();
      await page.getByLabel(/Upload documents/).setInputFiles([
        { name: `canteen-${stamp}.md`, mimeType: "text/markdown", buffer: Buffer.from("# Canteen\n\nThe canteen opens at noon on weekdays.\n") },
        // Passes the upload's type check, fails parsing in the worker.
        { name: `broken-${stamp}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\nnot a PDF past its first line\n%%EOF\n") },
        { name: `tool-${stamp}.exe`, mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
      ]);
      const item = (name: string) => page.getByTestId("upload-item").filter({ hasText: name });
      await expect(item(`canteen-${stamp}.md`).getByTestId("upload-status")).toHaveText("ready", { timeout: 30_000 });
      const failed = item(`broken-${stamp}.pdf`).getByTestId("upload-status");
      await expect(failed).toHaveText(/^failed: .+/, { timeout: 30_000 });
      await expect(failed).toHaveClass(/text-red-/);
      // Refused at upload (not a supported type): "Rejected" and the reason, in red, and no progress bar that reads as done.
      const refused = item(`tool-${stamp}.exe`);
      await expect(refused.getByText("Rejected")).toBeVisible();
      await expect(refused.getByRole("progressbar")).toHaveCount(0);
      await expect(refused.getByRole("alert")).toContainText(`tool-${stamp}.exe: `);
    });
  });
}
