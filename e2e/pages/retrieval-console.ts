import { expect, type Page } from "@playwright/test";

export class RetrievalConsole {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/retrieval");
    await expect(this.page.getByRole("heading", { name: "Retrieval console" })).toBeVisible();
  }

  async ask(question: string, asUser?: string | RegExp) {
    await this.page.getByLabel("Question", { exact: true }).fill(question);
    if (asUser) {
      const option = this.page.getByLabel("As user").locator("option").filter({ hasText: asUser });
      await this.page.getByLabel("As user").selectOption((await option.getAttribute("value"))!);
    }
    await this.page.getByRole("button", { name: "Retrieve" }).click();
    await expect(this.page.getByText(/chunks?; the first \d+ are what the chat gives the model/)).toBeVisible();
  }

  rows(text?: string | RegExp) {
    const rows = this.page.getByTestId("retrieval-row");
    return text ? rows.filter({ hasText: text }) : rows;
  }
}
