import { expect, type Page } from "@playwright/test";

export class ChatPage {
  constructor(private readonly page: Page) {}

  lastAnswer() {
    return this.page.getByTestId("assistant-message").last();
  }

  /** Asks and records the answer's visible length while it streams. */
  async ask(question: string): Promise<number[]> {
    await this.page.getByLabel("Your question").fill(question);
    await this.page.getByRole("button", { name: "Ask" }).click();
    const answer = this.lastAnswer();
    await expect(answer).toBeVisible();
    const lengths: number[] = [];
    while ((await answer.getAttribute("aria-busy")) === "true") {
      lengths.push(((await answer.textContent()) ?? "").length);
      await this.page.waitForTimeout(20);
    }
    await expect(answer.getByTestId("answered-by")).toBeVisible();
    return lengths;
  }

  citation(n: number) {
    return this.lastAnswer().getByRole("link", { name: new RegExp(`^Source ${n}:`) }).first();
  }

  sources() {
    return this.lastAnswer().getByRole("region", { name: "Sources" });
  }
}
