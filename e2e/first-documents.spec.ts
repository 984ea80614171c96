import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { freePort, stopProcess } from "../testing/processes";
import { AuthPages } from "./pages/auth";
import { DocumentsPage } from "./pages/documents";
import { startProductionApp } from "./support/production-app";

/*
 * Issue 19, on a fresh install with the production settings (the built-in model at its default
 * pace, not the suite's 25 ms a word): a chat opened before any document exists gets its starter
 * questions once the first document is ready, without a reload, and an answer is seen to grow
 * word by word and is complete within about a second. Starters can be seen appearing only once per
 * install, so each install (one per width) keeps two chats open side by side, one in each theme:
 * the four layouts in two installs. The first chat's question is the server's first since it
 * started, whose first words are kept quick by the warm-up at start (lib/chat/warm-up.ts); the
 * second chat's is on a warm server.
 */

const POLICY = `# Bicycle Policy

## Parking Spaces
Bicycle parking spaces are in the basement garage on level minus two, next to the lifts. The parking spaces are open from six in the morning until ten in the evening on weekdays. Each parking space has a rack and a charging point for electric bicycles. Parking spaces cannot be reserved, and a bicycle left in a parking space over a weekend is moved to the storage room. Lost keys for the parking spaces are replaced by the reception desk on the ground floor.

## Leasing
A bicycle lease runs for thirty six months, paid through monthly deductions from the gross salary.
`;
const SETUP_TOKEN = "first-documents-token-not-for-production";
// Each width's first chat takes the server's first question: light at one width, dark at the other.
const INSTALLS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, themes: ["light", "dark"] },
  { name: "phone", viewport: { width: 390, height: 780 }, themes: ["dark", "light"] },
] as const;
/**
 * The first question's first words, from the click: 0.95-2.0 s (median 1.12 s, 8 installs) on a
 * loaded 2-CPU machine when the question still loaded the chat route's modules and trained the
 * behaviour classifier, 0.12-0.22 s (median 0.16 s) since the warm-up at start does both. Set
 * below every figure seen before (CI's were 0.70-0.85 s) with room for the machine's stalls (a
 * warm question once took 0.55 s); the figure is logged either way.
 */
const FIRST_QUESTION_MS = 700;
/** A question on a warm server: 103-120 ms in CI. Generous; what it guards is an answer that waits for its whole pace. */
const WARM_QUESTION_MS = 1000;

interface Growth {
  firstWordsMs: number;
  steps: number;
  spreadMs: number;
  /** Where the wait went, when the browser timed the request. */
  breakdown: string;
}

/** Clicks a starter and times, in the page, the first words from the click and the answer's visible length at each change. */
async function askStarter(page: Page, starter: Locator): Promise<Growth> {
  await starter.evaluate((button) => button.addEventListener("click", () => ((window as { askedAt?: number }).askedAt = performance.now())));
  await page.evaluate(() => {
    const seen: { at: number; length: number }[] = [];
    (window as { answerGrowth?: typeof seen }).answerGrowth = seen;
    new MutationObserver(() => {
      const answers = document.querySelectorAll('[data-testid="assistant-message"] [data-testid="answer-text"]');
      const length = (answers[answers.length - 1]?.textContent ?? "").length;
      if (seen.at(-1)?.length !== length) seen.push({ at: performance.now(), length });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await starter.click();
  const answer = page.getByTestId("assistant-message").last();
  await expect(answer.getByTestId("answered-by")).toBeVisible({ timeout: 30_000 });
  await expect(answer).toContainText("basement garage");
  const { growth, askedAt, request } = await page.evaluate(() => {
    const w = window as { answerGrowth?: { at: number; length: number }[]; askedAt?: number };
    const chat = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/api/chat")).at(-1) as PerformanceResourceTiming | undefined;
    return { growth: w.answerGrowth ?? [], askedAt: w.askedAt ?? 0, request: chat ? { start: chat.startTime, headers: chat.responseStart } : null };
  });
  const texts = growth.filter((g) => g.length > 0);
  // Where the wait goes: the page before the request leaves, the server until its headers (the
  // session, the limits, retrieval), then the first words' part and their rendering.
  const breakdown = request
    ? ` (${Math.round(request.start - askedAt)} ms to send, ${Math.round(request.headers - request.start)} ms to the response's headers, ${Math.round(texts[0]!.at - request.headers)} ms from headers to words)`
    : "";
  return { firstWordsMs: texts[0]!.at - askedAt, steps: texts.length, spreadMs: texts.at(-1)!.at - texts[0]!.at, breakdown };
}

/** Seen growing, not arriving in one piece; and whole within about a second of its first words (with room for a loaded machine). */
function expectStreamed(growth: Growth) {
  expect(growth.steps).toBeGreaterThan(10);
  expect(growth.spreadMs).toBeGreaterThan(300);
  expect(growth.spreadMs).toBeLessThan(2000);
}

for (const install of INSTALLS) {
  test.describe(`${install.name} (${install.viewport.width} px), ${install.themes.join(" then ")}`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-first-documents-"));
    let app: ChildProcess;
    let origin = "";

    test.beforeAll(async () => {
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      // BUILTIN_MODEL_DELAY_MS empty: the default, production pace. Info: the warm-up's lines.
      app = await startProductionApp({ port, dataDir, readyAt: origin, env: { AUTH_SECRET: "first-documents-secret-not-for-production", AUTH_URL: origin, SETUP_TOKEN, BUILTIN_MODEL_DELAY_MS: "", LOG_LEVEL: "info" } });
    });

    test.afterAll(async () => {
      await stopProcess(app);
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    test.use({ viewport: install.viewport });

    test("open empty chats, one per theme, show starter questions once the first document is ready, and the answers stream, the first quickly", async ({ page, context }) => {
      test.setTimeout(240_000);
      await new AuthPages(page).setUpAdministrator(origin, SETUP_TOKEN, { name: "Fran First", email: "fran@example.com", password: "first documents admin password" });

      // The chats, opened while there is nothing to suggest, one per theme.
      const chats = [page, await context.newPage()];
      for (const [i, chat] of chats.entries()) {
        await chat.emulateMedia({ colorScheme: install.themes[i] });
        await chat.goto(`${origin}/`);
        await expect(chat.getByRole("heading", { name: /Ask a question/ })).toBeVisible();
        // In its own theme: the page's white is the light theme's alone.
        expect(await chat.evaluate(() => getComputedStyle(document.body).backgroundColor) === "rgb(255, 255, 255)").toBe(install.themes[i] === "light");
        await expect(chat.getByRole("list", { name: "Suggested questions" })).toHaveCount(0);
        await chat.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
      }

      // The first document, uploaded in another tab.
      const other = await context.newPage();
      await other.goto(`${origin}/admin/documents`);
      const documents = new DocumentsPage(other);
      await documents.upload("bicycle-policy.md", POLICY);
      await documents.waitUntilReady("bicycle-policy.md");
      await other.close();

      // The questions appear in each chat left open, neither reloaded, and fit its width.
      const starters: Locator[] = [];
      for (const chat of chats) {
        const suggestions = chat.getByRole("list", { name: "Suggested questions" });
        await expect(suggestions).toBeVisible({ timeout: 30_000 });
        expect(await chat.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
        const starter = suggestions.getByRole("button", { name: "What does the Bicycle Policy say about parking spaces?" });
        await expect(starter).toBeVisible();
        expect(await chat.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(install.viewport.width);
        starters.push(starter);
      }

      // The server's first question, once its warm-up at start is done, as it is seconds after a start.
      const appLog = test.info().outputPath("app.log");
      await expect.poll(() => fs.readFileSync(appLog, "utf8"), { timeout: 30_000 }).toContain("built-in model's behaviour classifier trained");
      const warmUp = fs.readFileSync(appLog, "utf8");
      expect(warmUp).toContain("chat route loaded");
      expect(warmUp).not.toMatch(/could not (load the chat route|warm the built-in model)/);

      const first = await askStarter(chats[0]!, starters[0]!);
      // The first words' wait includes the request, retrieval and composing the answer, not only the pace.
      console.log(`${install.name}, ${install.themes[0]}: the first question's first words ${Math.round(first.firstWordsMs)} ms after the click${first.breakdown}; the answer grew in ${first.steps} steps over ${Math.round(first.spreadMs)} ms`);
      expectStreamed(first);
      expect(first.firstWordsMs).toBeLessThan(FIRST_QUESTION_MS);

      const warm = await askStarter(chats[1]!, starters[1]!);
      console.log(`${install.name}, ${install.themes[1]}: a warm question's first words ${Math.round(warm.firstWordsMs)} ms after the click${warm.breakdown}; the answer grew in ${warm.steps} steps over ${Math.round(warm.spreadMs)} ms`);
      expectStreamed(warm);
      expect(warm.firstWordsMs).toBeLessThan(WARM_QUESTION_MS);
    });
  });
}
