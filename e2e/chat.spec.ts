import { expect, test, type Page } from "@playwright/test";
import { ensureDocuments, newEmployee } from "./fixtures";
import { ChatPage } from "./pages/chat";

export const BICYCLE_POLICY = `# Bicycle Policy

## Leasing
Employees may lease one bicycle through the company leasing scheme for a period of thirty six months, paid through monthly deductions from their gross salary, after which they may buy the leased bicycle for a small residual value agreed with the leasing partner at the start of the lease.
Employees who lease a bicycle through the scheme may use it for commuting as well as for private trips on weekends and during holidays, including trips abroad within the European Union, and may add insurance and servicing to the lease.
Employees must tell the leasing partner of the scheme about any damage to the leased bicycle within seven days.

## Parking
Bicycles can be parked in the basement garage on level minus two, which is open from six in the morning until ten in the evening on weekdays.
`;
const LEASE_QUESTION = "How can employees lease a bicycle through the leasing scheme?";
const PARK_QUESTION = "Where can bicycles be parked in the garage?";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await ensureDocuments(page, { "bicycle-policy.md": BICYCLE_POLICY });
  await page.close();
});

const answerText = (page: Page) => page.getByTestId("assistant-message").last().getByTestId("answer-text");

async function expectStoredAsStopped(page: Page, url: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByTestId("assistant-message").last().getByTestId("stopped-note")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

test("Stop, Escape and closing the tab keep the partial answer, marked stopped", async ({ page, context }) => {
  await newEmployee(page, "stopper");
  const chat = new ChatPage(page);

  await chat.askAndWaitForFirstWords(LEASE_QUESTION);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(chat.lastAnswer()).toHaveAttribute("aria-busy", "false");
  await expect(chat.lastAnswer().getByTestId("stopped-note")).toBeVisible();
  // The stopped answer is stored as it was (the server finishes on its own once the request is gone):
  // after a reload it is still partial and marked stopped.
  await expectStoredAsStopped(page, page.url());
  await expect(answerText(page)).toContainText("Employees may lease");
  await expect(answerText(page)).not.toContainText("within seven days");

  // Escape stops too.
  await chat.askAndWaitForFirstWords(LEASE_QUESTION);
  await page.keyboard.press("Escape");
  await expect(chat.lastAnswer().getByTestId("stopped-note")).toBeVisible();

  // Closing the tab mid-answer: the server stores what was written and marks it stopped.
  const tab = await context.newPage();
  await tab.goto("/");
  const other = new ChatPage(tab);
  await other.askAndWaitForFirstWords(LEASE_QUESTION);
  const url = tab.url();
  expect(url).toMatch(/\/c\/[0-9a-f-]{36}$/);
  await tab.close();
  await expectStoredAsStopped(page, url);
  await expect(page.getByTestId("user-message")).toHaveText(LEASE_QUESTION);
  await expect(answerText(page)).not.toContainText("within seven days");
});

test.describe("with clipboard access", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  let feedbackUrl = "";

  test("copy, feedback with a comment, regenerate and edit the last question", async ({ page }) => {
    await newEmployee(page, "editor");
    const chat = new ChatPage(page);
    await chat.ask(LEASE_QUESTION);
    await expect(answerText(page)).toContainText("thirty six months");

    await chat.answerButton("Copy").click();
    await expect(chat.lastAnswer().getByRole("status").filter({ hasText: "Copied to clipboard" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("thirty six months");

    // Thumbs down with a comment, stored: still there after a reload.
    await chat.answerButton("Bad answer").click();
    await expect(chat.lastAnswer().getByText("Thanks for your feedback.")).toBeVisible();
    await chat.lastAnswer().getByLabel("Comment (optional)").fill("Too long, I only wanted the duration.");
    await chat.answerButton("Send comment").click();
    await expect(chat.lastAnswer().getByLabel("Comment (optional)")).toHaveCount(0);
    await page.reload();
    await expect(chat.answerButton("Bad answer")).toHaveAttribute("aria-pressed", "true");
    // Rating something that is not one of this user's answers is not found.
    expect((await page.request.put("/api/messages/no-such-message/feedback", { data: { rating: "up" } })).status()).toBe(404);
    // ...and changeable.
    await chat.answerButton("Good answer").click();
    await expect(chat.answerButton("Good answer")).toHaveAttribute("aria-pressed", "true");
    await expect(chat.answerButton("Bad answer")).toHaveAttribute("aria-pressed", "false");

    // Regenerate replaces the answer: still one answer, and the rating belonged to the old one.
    await chat.answerButton("Regenerate").click();
    await chat.waitForAnswer();
    await expect(page.getByTestId("assistant-message")).toHaveCount(1);
    await page.reload();
    await expect(page.getByTestId("assistant-message")).toHaveCount(1);
    await expect(answerText(page)).toContainText("thirty six months");
    await expect(chat.answerButton("Good answer")).toHaveAttribute("aria-pressed", "false");

    // Edit the last question and send: the turn is replaced.
    await page.getByRole("button", { name: "Edit question" }).click();
    const edit = page.getByLabel("Edit your question");
    await edit.fill(PARK_QUESTION);
    await edit.press("Enter");
    await chat.waitForAnswer();
    await expect(answerText(page)).toContainText("level minus two");
    await page.reload();
    await expect(page.getByTestId("user-message")).toHaveText([PARK_QUESTION]);
    await expect(page.getByTestId("assistant-message")).toHaveCount(1);
    await expect(answerText(page)).toContainText("level minus two");

    // Rate the answer that stays, and keep its address for the next test.
    const rated = page.waitForRequest((r) => r.method() === "PUT" && r.url().includes("/feedback"));
    await chat.answerButton("Good answer").click();
    feedbackUrl = (await rated).url();
    await expect(chat.answerButton("Good answer")).toHaveAttribute("aria-pressed", "true");
  });

  test("nobody else can rate an answer: the server answers 404", async ({ page }) => {
    expect(feedbackUrl).toMatch(/\/api\/messages\/.+\/feedback$/);
    await newEmployee(page, "stranger");
    const response = await page.request.put(feedbackUrl, { data: { rating: "up" } });
    expect(response.status()).toBe(404);
  });
});

test("history: search by title and message text, rename, delete with confirmation", async ({ page }) => {
  await newEmployee(page, "historian");
  const chat = new ChatPage(page);
  await chat.ask(LEASE_QUESTION);
  await page.goto("/");
  const header = page.getByRole("heading", { level: 1 });
  await expect(header).toHaveText("New chat");
  await chat.ask(PARK_QUESTION);
  // The first question names the new chat in its header at once, as the server names it.
  await expect(header).toHaveText(PARK_QUESTION);
  const list = chat.conversations();
  await expect(list.getByRole("link")).toHaveCount(2);

  const search = page.getByRole("searchbox", { name: "Search conversations" });
  // "minus two" is only in the second conversation's answer, not in any title.
  await search.fill("minus two");
  await expect(list.getByRole("link")).toHaveText([PARK_QUESTION]);
  await search.fill("no such words anywhere");
  await expect(list.getByText("No conversation matches.")).toBeVisible();
  await search.fill("");
  await expect(list.getByRole("link")).toHaveCount(2);

  // On a wide screen a row's actions button shows on hover or focus; its menu works by keyboard.
  await list.getByRole("link", { name: LEASE_QUESTION }).hover();
  const actionsFor = (title: string) => list.getByRole("button", { name: `Actions for ${title}` });
  await actionsFor(LEASE_QUESTION).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Rename", "Delete"]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(actionsFor(LEASE_QUESTION)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Rename" })).toBeFocused();
  await page.keyboard.press("Enter");
  const name = list.getByLabel("New name");
  await name.fill("Bike leasing");
  await name.press("Enter");
  await expect(list.getByRole("link", { name: "Bike leasing" })).toBeVisible();
  await search.fill("bike leas");
  await expect(list.getByRole("link")).toHaveText(["Bike leasing"]);
  await search.fill("");
  await page.reload();
  await expect(list.getByRole("link", { name: "Bike leasing" })).toBeVisible();

  // Delete asks first; Cancel keeps the conversation.
  await list.getByRole("link", { name: "Bike leasing" }).hover();
  await actionsFor("Bike leasing").click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: /Delete “Bike leasing”/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" }), "Enter pressed by habit destroys nothing").toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(list.getByRole("link", { name: "Bike leasing" })).toBeVisible();
  await list.getByRole("link", { name: "Bike leasing" }).hover();
  await actionsFor("Bike leasing").click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete conversation" }).click();
  await expect(list.getByRole("link", { name: "Bike leasing" })).toHaveCount(0);
  await page.reload();
  await expect(list.getByRole("link")).toHaveText([PARK_QUESTION]);

  // Renaming the open conversation renames its header too, without a reload.
  await list.getByRole("link", { name: PARK_QUESTION }).hover();
  await actionsFor(PARK_QUESTION).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  await name.fill("Bike parking");
  await name.press("Enter");
  await expect(header).toHaveText("Bike parking");
});

test("citations: hover and keyboard focus show title, section and snippet; the source list shows the same", async ({ page }) => {
  await newEmployee(page, "reader");
  const chat = new ChatPage(page);
  await chat.ask(PARK_QUESTION);
  const chip = chat.citation(1);
  // Radix puts the open tooltip at the end of the page, so it is never clipped by the answer's box.
  const tooltip = page.getByRole("tooltip");
  await expect(tooltip).toBeHidden();
  await chip.hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("Bicycle Policy");
  await expect(tooltip).toContainText("Parking");
  await expect(tooltip).toContainText("basement garage on level minus two");
  // The tooltip may be hovered itself (WCAG 1.4.13); the pointer moving away closes it.
  await page.mouse.move(0, 0, { steps: 5 });
  await expect(tooltip).toBeHidden();

  // Keyboard: Tab reaches the chip, and focus shows the same tooltip.
  await chat.question().focus();
  await page.keyboard.press("Shift+Tab");
  for (let i = 0; i < 20 && !(await chip.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(chip).toBeFocused();
  await expect(tooltip).toBeVisible();

  await expect(chat.sources()).toContainText("Bicycle Policy");
  await expect(chat.sources()).toContainText("Parking");
  await expect(chat.sources()).toContainText("basement garage on level minus two");
  await chip.press("Enter");
  // The passage, and the cited sentences in it once they are located.
  await expect(page).toHaveURL(/\/sources\/[0-9a-f-]+\/[0-9a-f-]+\?chunk=[0-9a-f-]+(&mark=\d+-\d+(,\d+-\d+)*)?$/);
});

test("starter questions come from the documents and ask with one click; Enter sends, Shift+Enter is a new line; Ctrl+K searches, Ctrl+Shift+O starts a new chat", async ({ page }) => {
  await newEmployee(page, "starter");
  const suggestions = page.getByRole("list", { name: "Suggested questions" });
  const starter = suggestions.getByRole("button", { name: /Bicycle Policy/ }).first();
  await expect(starter).toBeVisible();
  const text = (await starter.textContent())!;
  await starter.click();
  await expect(page.getByTestId("user-message")).toHaveText(text);
  await new ChatPage(page).waitForAnswer();

  const question = page.getByLabel("Your question");
  await question.fill("first line");
  await question.press("Shift+Enter");
  await question.pressSequentially("second line");
  await expect(question).toHaveValue("first line\nsecond line");
  await expect(page.getByTestId("user-message")).toHaveCount(1);

  await page.keyboard.press("Control+K");
  await expect(page.getByRole("searchbox", { name: "Search conversations" })).toBeFocused();
  await page.keyboard.press("Control+Shift+O");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New chat");
  await expect(page.getByTestId("user-message")).toHaveCount(0);
});

test("on a phone-sized screen the history is a menu and the chat fits", async ({ page }) => {
  await newEmployee(page, "phone");
  await page.setViewportSize({ width: 390, height: 780 });
  const chat = new ChatPage(page);
  const nav = page.getByRole("navigation", { name: "Conversations" });
  await expect(nav).toBeHidden();
  await chat.ask(PARK_QUESTION);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "New chat" }).click();
  await expect(nav).toBeHidden();
  await expect(page.getByTestId("user-message")).toHaveCount(0); // a new chat, not the one just asked
  await menu.click();
  await nav.getByRole("link", { name: PARK_QUESTION }).click();
  await expect(nav).toBeHidden();
  await expect(chat.lastAnswer()).toContainText("level minus two");
  // Ctrl+K opens the menu to its search box.
  await page.keyboard.press("Control+K");
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("searchbox", { name: "Search conversations" })).toBeFocused();
  // The open menu keeps the keyboard inside it, and Escape closes it with focus back on its button.
  for (let i = 0; i < 20; i++) await page.keyboard.press("Tab");
  expect(await nav.evaluate((n) => n.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
});

test("dark theme: follows the system, and a toggle that persists overrides it", async ({ page }) => {
  await newEmployee(page, "night");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await background();
  expect(dark).not.toBe(light);

  await page.emulateMedia({ colorScheme: "light" });
  // The button says what it will do, in either theme.
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  expect(await background()).toBe(dark);
  await page.reload();
  expect(await background()).toBe(dark);
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await expect(page.getByRole("button", { name: "Switch to dark theme" })).toBeVisible();
  expect(await background()).toBe(light);
});
