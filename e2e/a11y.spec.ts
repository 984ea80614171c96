import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { ensureDocuments } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

const POLICY = `# Accessibility Policy

## Meeting Rooms
Every meeting room has a hearing loop and a height-adjustable table that can be booked in advance.
`;
const QUESTION = "Which meeting rooms have a hearing loop?";
// Retrieves the meeting-room passage, which does not answer it: a not-found reply with closest matches.
const UNANSWERED = "What is the dress code for the Tokyo meeting rooms?";

/** Addresses found while preparing: the conversation, a cited passage, a document's admin page. */
interface Found {
  conversation: string;
  source: string;
  document: string;
}

/** Every page of the product. Add new pages here; each is checked in the light and the dark theme. */
const PAGES: { name: string; signedIn: boolean; open: (page: Page, found: Found) => Promise<unknown> }[] = [
  { name: "login", signedIn: false, open: (page) => page.goto("/login") },
  { name: "register", signedIn: false, open: (page) => page.goto("/register") },
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
  { name: "source viewer", signedIn: true, open: (page, found) => page.goto(found.source) },
  { name: "admin: get started", signedIn: true, open: (page) => page.goto("/admin/get-started") },
  { name: "admin: documents", signedIn: true, open: (page) => page.goto("/admin/documents") },
  { name: "admin: document", signedIn: true, open: (page, found) => page.goto(found.document) },
  { name: "admin: users", signedIn: true, open: (page) => page.goto("/admin/users") },
  { name: "admin: groups", signedIn: true, open: (page) => page.goto("/admin/groups") },
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

test.describe.configure({ mode: "serial" });
const found: Found = { conversation: "", source: "", document: "" };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await ensureDocuments(page, { "accessibility-policy.md": POLICY });
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const chat = new ChatPage(page);
  await chat.ask(QUESTION);
  found.conversation = new URL(page.url()).pathname;
  found.source = (await chat.citation(1).getAttribute("href"))!;
  const documents = new DocumentsPage(page);
  await documents.open();
  found.document = (await documents.row("accessibility-policy.md").getByRole("link").first().getAttribute("href"))!;
  await page.close();
});

for (const theme of ["light", "dark"] as const) {
  for (const target of PAGES) {
    test(`${target.name} (${theme}) has no serious or critical accessibility violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      if (target.signedIn) await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
      await target.open(page, found);
      await page.waitForLoadState("networkidle");
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
      expect(serious).toEqual([]);
      // Icons are drawn, never emoji: Debian's Chromium has no emoji font and shows empty boxes.
      expect(await page.locator("body").innerText()).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
    });
  }
}
