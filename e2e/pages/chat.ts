import { expect, type Page } from "@playwright/test";

export class ChatPage {
  constructor(private readonly page: Page) {}

  question() {
    return this.page.getByLabel("Your question");
  }

  lastAnswer() {
    return this.page.getByTestId("assistant-message").last();
  }

  /**
   * Asks and records the answer's visible length at every change while it streams. Recorded in the
   * page by a MutationObserver: polling from the test missed steps on a loaded machine.
   */
  async ask(question: string): Promise<number[]> {
    await this.question().fill(question);
    await this.page.evaluate(() => {
      const seen: number[] = [];
      const record = () => {
        const answers = document.querySelectorAll('[data-testid="assistant-message"]');
        const length = (answers[answers.length - 1]?.textContent ?? "").length;
        if (seen.at(-1) !== length) seen.push(length);
      };
      (window as { __answerLengths?: number[] }).__answerLengths = seen;
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const before = await this.page.getByTestId("assistant-message").count();
    await this.page.getByRole("button", { name: "Ask" }).click();
    const answer = this.lastAnswer();
    await expect(this.page.getByTestId("assistant-message")).toHaveCount(before + 1);
    await expect(answer).not.toHaveAttribute("aria-busy", "true", { timeout: 30_000 });
    await expect(answer.getByTestId("answered-by")).toBeVisible();
    return this.page.evaluate(() => (window as { __answerLengths?: number[] }).__answerLengths ?? []);
  }

  /** Sends with the Enter key and returns once some of the answer has streamed in. */
  async askAndWaitForFirstWords(question: string) {
    await this.question().fill(question);
    await this.question().press("Enter");
    await expect(this.lastAnswer()).toHaveAttribute("aria-busy", "true");
    await expect.poll(async () => ((await this.lastAnswer().textContent()) ?? "").length).toBeGreaterThan(20);
  }

  async waitForAnswer() {
    await expect(this.lastAnswer().getByTestId("answered-by")).toBeVisible();
  }

  citation(n: number) {
    return this.lastAnswer().getByRole("link", { name: new RegExp(`^Source ${n}:`) }).first();
  }

  sources() {
    return this.lastAnswer().getByRole("region", { name: "Sources" });
  }

  /** What a not-found answer offers instead: passages retrieved for the question, as viewer links. */
  closestMatches() {
    return this.lastAnswer().getByRole("region", { name: "Closest matches in your documents" });
  }

  answerButton(name: string | RegExp) {
    return this.lastAnswer().getByRole("button", { name });
  }

  /** The history list on screen (on a phone with the menu open, the hidden desktop one is in the page too). */
  conversations() {
    return this.page.getByTestId("conversation-list").filter({ visible: true });
  }
}
