import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { newEmployee } from "./fixtures";
import { BehaviourPage, ModelsPage } from "./pages/behaviour";
import { ChatPage } from "./pages/chat";
import { confirm } from "./pages/confirm";
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

// Personal and compliance cases the un-tuned built-in model answers as policy questions: none is a
// spec example or a behaviour-evaluation case (those would test memory, not learning).
const HR_CASE = "Got a warning letter for tardiness, can I fight it?";
const COMPLIANCE_CASE = "Could I hand a voucher to the city inspector who is coming to check our site next week?";
const WRITTEN: { question: string; tag: "refuse:hr" | "escalate:compliance" }[] = [
  { question: "My supervisor wrote me up for missing a deadline and I feel it was unjust.", tag: "refuse:hr" },
  { question: "I was disciplined for clocking in late and I want to contest it.", tag: "refuse:hr" },
  { question: "I received a formal reprimand from my lead that I think I did not deserve.", tag: "refuse:hr" },
  { question: "Is it fine to give the safety auditor from the ministry a bottle of wine?", tag: "escalate:compliance" },
  { question: "Can I buy lunch for the tax official reviewing our accounts?", tag: "escalate:compliance" },
  { question: "The regulator's inspector hinted that a present would speed things up. What should I do?", tag: "escalate:compliance" },
  { question: "Am I allowed to send a gift basket to the building inspector after the visit?", tag: "escalate:compliance" },
  { question: "Should we give the government auditor a gift voucher while she reviews our books?", tag: "escalate:compliance" },
  { question: "Is a gift card for the customs officer who clears our containers acceptable?", tag: "escalate:compliance" },
  { question: "May I send a thank-you gift card to the planning inspector who approved our extension?", tag: "escalate:compliance" },
];

test("the loop, offline: two corrections and a few examples, a builtin fine-tune, its evaluation beats the active model, promotion, an employee's answer, rollback", async ({ page }) => {
  test.setTimeout(180_000);
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const behaviour = new BehaviourPage(page);
  await behaviour.open();
  const referral = await behaviour.refuseTopic(1).getByLabel("Referral").inputValue();
  const escalation = await page.getByRole("group", { name: "Escalate topic 1" }).getByLabel("Escalation message").inputValue();
  const contact = await page.getByRole("group", { name: "Escalate topic 1" }).getByLabel("Contact").inputValue();

  // The active model treats both cases as policy questions; the admin marks both answers bad.
  const chat = new ChatPage(page);
  for (const question of [HR_CASE, COMPLIANCE_CASE]) {
    await page.goto("/");
    await chat.ask(question);
    await expect(chat.lastAnswer().getByTestId("answered-by")).toContainText("builtin-extractive");
    await expect(chat.lastAnswer()).not.toContainText(referral);
    await expect(chat.lastAnswer()).not.toContainText(escalation);
    await chat.lastAnswer().getByRole("button", { name: "Bad answer" }).click();
    await expect(chat.lastAnswer().getByRole("status").filter({ hasText: "Thanks for your feedback." })).toBeVisible();
  }

  // Corrected in the review queue, and a few more written.
  await page.goto("/admin/training");
  for (const [question, answer, tag] of [[HR_CASE, referral, "refuse:hr"], [COMPLIANCE_CASE, `${escalation} Contact: ${contact}`, "escalate:compliance"]]) {
    const item = page.getByTestId("review-item").filter({ hasText: question! });
    await item.getByLabel("Corrected answer").fill(answer!);
    await item.getByLabel(/^Tags/).fill(tag!);
    await item.getByRole("button", { name: "Save correction" }).click();
    // The corrected answer leaves the queue and joins the examples.
    await expect(page.getByTestId("example-row").filter({ hasText: question! })).toContainText("correction");
  }
  for (const { question, tag } of WRITTEN) {
    await page.getByLabel("Question", { exact: true }).fill(question);
    await page.getByLabel(/^Ideal answer/).fill(tag === "refuse:hr" ? referral : `${escalation} Contact: ${contact}`);
    await page.getByLabel(/^Tags/).last().fill(tag);
    await page.getByRole("button", { name: "Save example" }).click();
    await expect(page.getByTestId("example-row").filter({ hasText: question })).toBeVisible();
    await expect(page.getByTestId("example-row").filter({ hasText: question })).not.toContainText("flagged");
  }

  // Frozen, and fine-tuned here, offline.
  const training = new TrainingPages(page);
  const dataset = await training.freezeDataset();
  await expect(dataset.getByTestId("validation-report")).toContainText("Valid: ready to export and train.");
  const version = (await dataset.getByRole("heading").first().textContent())!.match(/Dataset version (\d+)/)![1];
  await dataset.getByLabel("Provider").selectOption("builtin");
  await dataset.getByRole("button", { name: "Start fine-tuning" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Built-in fine-tune queued" })).toBeVisible();
  await page.getByRole("link", { name: "Fine-tunes" }).click();
  const job = page.getByTestId("fine-tune-job").first();
  await expect(job.getByTestId("job-status")).toHaveText("succeeded", { timeout: 60_000 });
  await expect(job.getByTestId("behaviour-report-validation")).toContainText("refuse:hr");

  // Evaluated beside the active model: better on the compliance cases (the un-tuned model leaves a gift
  // card for a government inspector unescalated), worse on nothing.
  const candidate = `builtin-extractive fine-tuned on dataset ${version}`;
  const models = new ModelsPage(page);
  await models.open();
  await models.evaluate(candidate);
  await models.row(candidate).getByRole("link", { name: "Compare with active" }).click();
  const compliance = models.chart().getByTestId("behaviour-bar").filter({ hasText: "escalates:compliance" });
  await expect(compliance).toContainText("100%");
  await expect(compliance).toContainText("90%");
  await expect(models.chart()).not.toContainText("regression");
  await page.getByRole("button", { name: "Promote", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `${candidate} is now the active model` })).toBeVisible();

  // An employee's next personal case, worded like no example, is referred by the fine-tuned model, now active.
  const employee = await page.context().browser()!.newContext();
  try {
    const employeePage = await employee.newPage();
    await newEmployee(employeePage, "loop");
    const employeeChat = new ChatPage(employeePage);
    await employeeChat.ask("I was written up for tardiness and want to dispute it.");
    await expect(employeeChat.lastAnswer()).toContainText(referral);
    await expect(employeeChat.lastAnswer().getByTestId("answered-by")).toContainText(candidate);
  } finally {
    await employee.close();
  }

  await models.open();
  await page.getByRole("button", { name: "Roll back to builtin-extractive" }).click();
  await confirm(page, "Roll back to builtin-extractive");
  await expect(models.activeModel()).toHaveText("builtin-extractive");
});
