import { expect, type Page } from "@playwright/test";

export class BehaviourPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/behaviour");
    await expect(this.page.getByRole("heading", { name: "Behaviour" })).toBeVisible();
  }

  refuseTopic(n: number) {
    return this.page.getByRole("group", { name: `Refuse topic ${n}` });
  }

  async save(note: string) {
    await this.page.getByLabel("Note for this version").fill(note);
    await this.page.getByRole("button", { name: "Save as new version" }).click();
  }

  versions() {
    return this.page.getByTestId("spec-version-row");
  }
}

export class ModelsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/models");
    await expect(this.page.getByRole("heading", { name: "Models" })).toBeVisible();
  }

  activeModel() {
    return this.page.getByTestId("active-model");
  }

  row(name: string) {
    return this.page.getByTestId("model-row").filter({ hasText: name });
  }

  /** The model's latest evaluation, as the table shows it. */
  lastEvaluation(name: string) {
    return this.row(name).getByTestId("last-evaluation");
  }

  /** Starts an evaluation, which runs in the background, and waits for that run to finish. */
  async evaluate(name: string) {
    const row = this.row(name);
    const before = await this.lastEvaluation(name).getAttribute("data-run-id");
    await row.getByRole("button", { name: "Run evaluation" }).click();
    await expect(row.getByRole("status")).toContainText("in the background");
    const cell = this.lastEvaluation(name);
    await expect(cell).not.toHaveAttribute("data-run-id", before ?? "", { timeout: 15_000 });
    await expect(cell).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  }

  async register(name: string, model: string, baseUrl: string) {
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    await this.page.getByLabel("Provider").selectOption("openai-compatible");
    await this.page.getByLabel("Model id").fill(model);
    await this.page.getByLabel("Base URL").fill(baseUrl);
    await this.page.getByRole("button", { name: "Register model" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: `Registered ${name}` })).toBeVisible();
  }

  chart() {
    return this.page.getByRole("figure", { name: "Pass rate per behaviour" });
  }
}
