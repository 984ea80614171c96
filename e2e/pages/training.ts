import { expect, type Page } from "@playwright/test";

/** The admin pages of the behaviour loop: training examples, datasets, fine-tuning jobs. */
export class TrainingPages {
  constructor(private readonly page: Page) {}

  async generateExamples() {
    await this.page.goto("/admin/training");
    await this.page.getByRole("button", { name: "Generate refusal, escalation and not-found examples" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: /Generated \d+ examples/ })).toBeVisible();
  }

  async freezeDataset() {
    await this.page.goto("/admin/datasets");
    await this.page.getByRole("button", { name: "Freeze a new dataset version" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: /Froze dataset version \d+/ })).toBeVisible();
    return this.page.getByTestId("dataset").first();
  }

  async download(linkName: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: linkName }).first().click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
}
