import { expect, type Page } from "@playwright/test";

export class DocumentsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/documents");
    await expect(this.page.getByRole("heading", { name: "Documents" })).toBeVisible();
  }

  async upload(name: string, content: string, mimeType = "text/markdown") {
    await this.page.getByLabel(/Upload documents/).setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  }

  row(text: string | RegExp) {
    return this.page.getByTestId("document-row").filter({ hasText: text });
  }

  async waitUntilReady(text: string | RegExp) {
    await expect(this.row(text).getByTestId("document-status")).toHaveText("ready", { timeout: 30_000 });
  }
}
