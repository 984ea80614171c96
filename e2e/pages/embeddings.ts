import { expect, type Page } from "@playwright/test";

export class EmbeddingsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/embeddings");
    await expect(this.page.getByRole("heading", { name: "Embedding models" })).toBeVisible();
  }

  row(model: string) {
    return this.page.getByTestId("embedding-model-row").filter({ hasText: model });
  }

  status(model: string) {
    return this.row(model).getByTestId("embedding-model-status");
  }

  async switchTo(model: string) {
    await this.row(model).getByRole("button", { name: "Switch to this model" }).click();
    await expect(this.page.getByRole("status")).toContainText(`Switching to ${model}`);
  }
}
