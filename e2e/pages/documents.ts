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

  /** Drops files on the drop zone, as a person dragging them from their desktop would. */
  async drop(files: { name: string; content: string; mimeType?: string }[]) {
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.content], f.name, { type: f.mimeType ?? "text/plain" }));
      return dt;
    }, files);
    await this.page.getByText("Drop files here").dispatchEvent("drop", { dataTransfer: transfer });
  }

  row(text: string | RegExp) {
    return this.page.getByTestId("document-row").filter({ hasText: text });
  }

  async waitUntilReady(text: string | RegExp) {
    await expect(this.row(text).getByTestId("document-status")).toHaveText("ready", { timeout: 30_000 });
  }
}
