import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { BehaviourPage } from "./pages/behaviour";
import { TrainingPages } from "./pages/training";

test("an admin generates examples, freezes a validated dataset, downloads its JSONL and registers a self-hosted fine-tune", async ({ page }) => {
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const training = new TrainingPages(page);
  // The referral as the current spec says it (another test may have edited it).
  const behaviour = new BehaviourPage(page);
  await behaviour.open();
  const referral = await behaviour.refuseTopic(1).getByLabel("Referral").inputValue();

  await training.generateExamples();
  await expect(page.getByTestId("tag-counts")).toContainText("refuse:hr: 20");
  await expect(page.getByTestId("example-row").first()).toBeVisible();

  // A written example whose answer adds a fact its source lacks is flagged, naming the fact.
  await page.getByLabel("Question", { exact: true }).fill("What is the per diem?");
  await page.getByLabel(/^Sources \(pasted/).fill("Title: Travel Policy\nThe per diem is 60 euros.");
  await page.getByLabel(/^Ideal answer/).fill("The per diem is 80 euros [1].");
  await page.getByRole("button", { name: "Save example" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Example saved, but flagged" })).toBeVisible();
  const written = page.getByTestId("example-row").filter({ hasText: "What is the per diem?" });
  await expect(written).toContainText("flagged: excluded from datasets");
  await expect(written).toContainText("not in sources: 80");

  const dataset = await training.freezeDataset();
  const report = dataset.getByTestId("validation-report");
  await expect(report).toContainText("Valid: ready to export and train.");
  await expect(report).toContainText(/format\s*Every line is system, user, assistant/);
  await expect(report).toContainText(/cost\s*About \$\d+\.\d\d: [\d,]+ tokens \(3 epochs\) at \$5 per 1M/);
  const counts = (await dataset.getByText(/examples: \d+ train, \d+ validation/).textContent())!.match(/(\d+) train, (\d+) validation/)!;

  const jsonl = await training.download("Download train JSONL");
  const lines = jsonl.trimEnd().split("\n").map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] });
  expect(lines).toHaveLength(Number(counts[1]));
  for (const line of lines) expect(line.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
  expect(lines.some((l) => l.messages[2]!.content.includes(referral))).toBe(true);
  // The system message carries the spec, as the chat's own prompt does.
  for (const line of lines) expect(line.messages[0]!.content).toContain(referral);

  await dataset.getByLabel("Provider").selectOption("external");
  await dataset.getByRole("button", { name: "Start fine-tuning" }).click();
  await expect(page.getByRole("status").filter({ hasText: "External job created" })).toBeVisible();

  await page.getByRole("link", { name: "Fine-tunes" }).click();
  const job = page.getByTestId("fine-tune-job").first();
  await expect(job.getByTestId("job-status")).toHaveText("awaiting endpoint");
  await job.getByLabel("Base URL").fill("http://gpu-host:8000/v1");
  await job.getByLabel("Model name").fill("policy-lora");
  await job.getByLabel("Display name (optional)").fill("Policy LoRA e2e");
  await job.getByRole("button", { name: "Register endpoint" }).click();
  // The form leaves with the state it served: the job succeeded and its model is a candidate.
  await expect(page.getByTestId("candidate-models")).toContainText("Policy LoRA e2e · openai-compatible · policy-lora at http://gpu-host:8000/v1");
  await expect(page.getByTestId("candidate-models")).toContainText("candidate");
  await expect(job.getByTestId("job-status")).toHaveText("succeeded");
});
