import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { ADMIN, SETUP_TOKEN } from "./accounts";
import { ensureDocuments } from "./fixtures";
import { AccessAdminPages } from "./pages/admin-access";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";
import { SourcePage } from "./pages/source";
import { accessibilityFindings, NOTHING_WRONG, SETUP_FORM_FINDINGS, VIEWPORTS } from "./support/a11y";
import { chunkContaining, upload } from "./support/api";
import { pdfFile } from "./support/files";

/*
 * The accessibility sweep (issue 19): every page at 1280 and 390 px wide, in the light and the dark
 * theme, with no serious or critical axe violations, no sideways scrolling and no emoji; then the
 * same with what opens on top of a page (the phone's drawer, menus, dialogs, a citation's tooltip).
 * The setup link's form exists only before the first administrator does, so admin.setup.ts looks
 * at it and the first test here judges what it found.
 */

const stamp = randomBytes(3).toString("hex");
const POLICY = `# Accessibility Policy

## Meeting Rooms
Every meeting room has a hearing loop and a height-adjustable table that can be booked in advance.
`;
const QUESTION = "Which meeting rooms have a hearing loop?";
// Retrieves the meeting-room passage, which does not answer it: a not-found reply with closest matches.
const UNANSWERED = "What is the dress code for the Tokyo meeting rooms?";
const PDF_CLAUSE = `Quiet rooms ${stamp} can be booked for up to two hours by anyone who needs a calm place to work.`;

/** Addresses found while preparing: a conversation, cited passages, admin pages, a one-time link. */
interface Found {
  conversation: string;
  source: string;
  pdf: string;
  document: string;
  group: string;
  invite: string;
}

/** Every page of the product. Add new pages here; each is checked at both widths in both themes. */
const PAGES: { name: string; signedIn: boolean; open: (page: Page, found: Found) => Promise<unknown> }[] = [
  { name: "login", signedIn: false, open: (page) => page.goto("/login") },
  { name: "register", signedIn: false, open: (page) => page.goto("/register") },
  { name: "invitation", signedIn: false, open: (page, found) => page.goto(found.invite) },
  { name: "setup link, used", signedIn: false, open: (page) => page.goto(`/setup/${SETUP_TOKEN}`) },
  { name: "chat, empty", signedIn: true, open: (page) => page.goto("/") },
  {
    name: "chat with an answer",
    signedIn: true,
    open: async (page) => {
      await page.goto("/");
      await new ChatPage(page).ask(QUESTION);
    },
  },
  {
    name: "chat with a not-found answer and its closest matches",
    signedIn: true,
    open: async (page) => {
      await page.goto("/");
      const chat = new ChatPage(page);
      await chat.ask(UNANSWERED);
      await expect(chat.closestMatches()).toBeVisible();
    },
  },
  { name: "conversation", signedIn: true, open: (page, found) => page.goto(found.conversation) },
  { name: "account", signedIn: true, open: (page) => page.goto("/account") },
  { name: "source viewer", signedIn: true, open: (page, found) => page.goto(found.source) },
  {
    name: "source viewer, a PDF's pages",
    signedIn: true,
    open: async (page, found) => {
      await page.goto(found.pdf);
      await new SourcePage(page).expectPdfHighlight(/Quiet rooms/);
    },
  },
  {
    name: "source viewer, a PDF as text",
    signedIn: true,
    open: async (page, found) => {
      await page.goto(found.pdf);
      await page.getByRole("button", { name: "Text" }).click();
      await expect(new SourcePage(page).highlight().first()).toBeInViewport();
    },
  },
  { name: "admin: get started", signedIn: true, open: (page) => page.goto("/admin/get-started") },
  { name: "admin: documents", signedIn: true, open: (page) => page.goto("/admin/documents") },
  { name: "admin: document", signedIn: true, open: (page, found) => page.goto(found.document) },
  { name: "admin: users", signedIn: true, open: (page) => page.goto("/admin/users") },
  { name: "admin: groups", signedIn: true, open: (page) => page.goto("/admin/groups") },
  { name: "admin: group", signedIn: true, open: (page, found) => page.goto(found.group) },
  { name: "admin: audit log", signedIn: true, open: (page) => page.goto("/admin/audit") },
  { name: "admin: cited sources", signedIn: true, open: (page) => page.goto("/admin/analytics") },
  { name: "admin: conversation", signedIn: true, open: (page, found) => page.goto(found.conversation.replace(/^\/c\//, "/admin/conversations/")) },
  { name: "admin: retrieval console", signedIn: true, open: (page) => page.goto(`/admin/retrieval?q=${encodeURIComponent(QUESTION)}`) },
  { name: "admin: embeddings", signedIn: true, open: (page) => page.goto("/admin/embeddings") },
  { name: "admin: behaviour", signedIn: true, open: (page) => page.goto("/admin/behaviour") },
  { name: "admin: models", signedIn: true, open: (page) => page.goto("/admin/models") },
  { name: "admin: answer quality", signedIn: true, open: (page) => page.goto("/admin/answer-quality") },
  { name: "admin: training examples", signedIn: true, open: (page) => page.goto("/admin/training") },
  { name: "admin: datasets", signedIn: true, open: (page) => page.goto("/admin/datasets") },
  { name: "admin: fine-tunes", signedIn: true, open: (page) => page.goto("/admin/fine-tunes") },
];

/** On a phone the conversation list is in the drawer behind the Menu button: open it there. */
async function openDrawer(page: Page) {
  await page.getByRole("button", { name: "Menu" }).click();
  const drawer = page.getByRole("dialog", { name: "Conversations" });
  await expect(drawer).toBeVisible();
  return drawer;
}

/** The conversation's actions menu in the sidebar (on a desktop the button shows on the row's hover). */
async function openConversationMenu(page: Page, found: Found, phone: boolean) {
  await page.goto(found.conversation);
  if (phone) await openDrawer(page);
  const row = page.getByTestId("conversation-list").filter({ visible: true }).getByRole("listitem").filter({ hasText: QUESTION }).first();
  await row.hover();
  await row.getByRole("button", { name: `Actions for ${QUESTION}` }).click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  return menu;
}

/**
 * What opens on top of a page: each is opened, then swept as a page is (both themes switched in
 * place, so the overlay stays open). A Radix overlay lives in a portal at the end of the body and
 * hides the rest from screen readers, which the page sweep never sees.
 */
const OVERLAYS: { name: string; phoneOnly?: boolean; open: (page: Page, found: Found, phone: boolean) => Promise<Locator> }[] = [
  {
    name: "the phone's navigation drawer",
    phoneOnly: true,
    open: async (page, found) => {
      await page.goto(found.conversation);
      return openDrawer(page);
    },
  },
  { name: "a conversation's actions menu", open: openConversationMenu },
  {
    name: "a conversation being renamed",
    open: async (page, found, phone) => {
      await openConversationMenu(page, found, phone);
      await page.getByRole("menuitem", { name: "Rename" }).click();
      const input = page.getByLabel("New name");
      await expect(input).toBeFocused();
      return input;
    },
  },
  {
    name: "a conversation's delete dialog",
    open: async (page, found, phone) => {
      await openConversationMenu(page, found, phone);
      await page.getByRole("menuitem", { name: "Delete" }).click();
      return page.getByRole("alertdialog", { name: `Delete “${QUESTION}”?` });
    },
  },
  {
    name: "a citation's tooltip in an answer",
    open: async (page, found) => {
      await page.goto(found.conversation);
      // Keyboard focus opens it as hovering does, at both widths (a phone has no hover).
      await new ChatPage(page).citation(1).focus();
      return page.getByRole("tooltip");
    },
  },
  {
    name: "admin: a document's delete dialog",
    open: async (page, found) => {
      await page.goto(found.document);
      await page.getByRole("button", { name: "Delete", exact: true }).click();
      return page.getByRole("alertdialog", { name: "Delete this document?" });
    },
  },
  {
    name: "admin: a user's sign-out-everywhere dialog",
    open: async (page) => {
      await page.goto("/admin/users");
      // The admin's own row has it too, so it is there when this spec runs alone (nothing is confirmed).
      await page.getByRole("button", { name: "Sign out everywhere" }).first().click();
      return page.getByRole("alertdialog", { name: /^End every session of / });
    },
  },
];

// Not serial: one run names every page that fails, not only the first (the data is made again after a failure).
test.describe.configure({ mode: "default" });
const found: Found = { conversation: "", source: "", pdf: "", document: "", group: "", invite: "" };
/** The administrator's signed-in cookies: one sign-in serves every width. */
let adminState: Awaited<ReturnType<BrowserContext["storageState"]>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await ensureDocuments(page, { "accessibility-policy.md": POLICY });
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const chat = new ChatPage(page);
  await chat.ask(QUESTION);
  found.conversation = new URL(page.url()).pathname;
  found.source = (await chat.citation(1).getAttribute("href"))!;
  const pdf = await upload(context.request, {
    name: `quiet-rooms-${stamp}.pdf`,
    content: await pdfFile({ Title: `Quiet Rooms ${stamp}` }, ["Rooms for focused work.", PDF_CLAUSE]),
    mimeType: "application/pdf",
  });
  found.pdf = `/sources/${pdf.documentId}/${pdf.versionId}?chunk=${await chunkContaining(pdf.versionId, PDF_CLAUSE.slice(0, 20))}`;
  const documents = new DocumentsPage(page);
  await documents.open();
  found.document = (await documents.row("accessibility-policy.md").getByRole("link").first().getAttribute("href"))!;
  // A group with a member, so its page shows a member's row and its remove button.
  const access = new AccessAdminPages(page);
  const group = `Accessibility ${stamp}`;
  await access.createGroup(group);
  await access.openGroup(group);
  found.group = new URL(page.url()).pathname;
  await page.getByLabel("Member email").fill(ADMIN.email);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  found.invite = new URL(await access.invite(`ines-${stamp}@example.com`), page.url()).pathname;
  adminState = await context.storageState();
  await context.close();
});

test("the setup form at 1280 and 390 px, light and dark: no serious or critical accessibility violations, no sideways scrolling", async () => {
  const findings: unknown = JSON.parse(await readFile(SETUP_FORM_FINDINGS, "utf8"));
  expect(findings).toEqual(Object.fromEntries(VIEWPORTS.map(({ width }) => [width, NOTHING_WRONG])));
});

test("the sweep sees what is wrong in each theme: an image with no text alternative in both, text too faint only in the dark", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Faulty</title>
    <style>body { background: #fff; color: #111 } @media (prefers-color-scheme: dark) { body { background: #111 } p { color: #333 } }</style></head>
    <body><main><h1>Faulty</h1><p>Faint in the dark</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`);
  const findings = await accessibilityFindings(page);
  const rules = (theme: "light" | "dark") => findings[theme]!.violations.map((v) => v.rule).sort();
  expect(rules("light")).toEqual(["image-alt"]);
  expect(rules("dark")).toEqual(["color-contrast", "image-alt"]);
  expect(findings.themeSwitched).toBe(true);
});

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width} px`, () => {
    // One page per width and state, signed in or not, reused by every check at that width.
    const pages: { signedIn?: Page; signedOut?: Page } = {};
    const contexts: BrowserContext[] = [];
    test.beforeAll(async ({ browser }) => {
      for (const signedIn of [true, false]) {
        const context = await browser.newContext({ viewport, storageState: signedIn ? adminState : undefined });
        contexts.push(context);
        pages[signedIn ? "signedIn" : "signedOut"] = await context.newPage();
      }
    });
    test.afterAll(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    for (const target of PAGES) {
      test(`${target.name} at ${viewport.width} px, light and dark: no serious or critical accessibility violations, no sideways scrolling`, async () => {
        const page = (target.signedIn ? pages.signedIn : pages.signedOut)!;
        await page.emulateMedia({ colorScheme: "light" });
        await target.open(page, found);
        expect(await accessibilityFindings(page)).toEqual(NOTHING_WRONG);
      });
    }

    const phone = viewport.width < 768;
    for (const overlay of OVERLAYS.filter((o) => phone || !o.phoneOnly)) {
      test(`${overlay.name}, open at ${viewport.width} px, light and dark: no serious or critical accessibility violations, no sideways scrolling, inside the window`, async () => {
        const page = pages.signedIn!;
        await page.emulateMedia({ colorScheme: "light" });
        const opened = await overlay.open(page, found, phone);
        await expect(opened).toBeVisible();
        expect(await accessibilityFindings(page)).toEqual(NOTHING_WRONG);
        // Still open after both themes: axe judged the page with it on top, not after it closed.
        await expect(opened).toBeVisible();
        // A fixed overlay never makes the page scroll sideways, it is cut off at the window's edge
        // instead: it and everything in it must fit the window (one pixel of slack for rounding).
        const [left, right] = await opened.evaluate((el) => {
          const rects = [el, ...el.querySelectorAll("*")].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
          return [Math.min(...rects.map((r) => r.left)), Math.max(...rects.map((r) => r.right))];
        });
        expect(left, "left edge").toBeGreaterThanOrEqual(-1);
        expect(right, "right edge").toBeLessThanOrEqual(viewport.width + 1);
      });
    }
  });
}
