import { expect, test } from "@playwright/test";
import { lastUserMessage, startOpenAIServer } from "../testing/openai-server";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { confirm } from "./pages/confirm";
import { BehaviourPage, ModelsPage } from "./pages/behaviour";
import { ChatPage } from "./pages/chat";

// Serial: the models test evaluates against the spec the first test saved.
test.describe.configure({ mode: "serial" });

const REFERRAL = "Personal HR questions go to the People team: call extension 4242.";

test("an admin edits the HR referral; the next HR question gets the new referral", async ({ page }) => {
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const behaviour = new BehaviourPage(page);
  await behaviour.open();

  // Invalid input is explained at the field and saves nothing.
  await page.getByLabel("Length norm (words at most)").fill("5");
  await behaviour.save("too short");
  await expect(page.getByRole("alert").filter({ hasText: "Use at least 20 words." })).toBeVisible();
  await expect(behaviour.versions()).toHaveCount(1);

  await page.getByLabel("Length norm (words at most)").fill("200");
  await behaviour.refuseTopic(1).getByLabel("Referral").fill(REFERRAL);
  await behaviour.save("HR referral points to the People team");
  await expect(page.getByRole("status")).toContainText("Saved as version 2");
  await expect(behaviour.versions().first()).toContainText("2 (current)");
  await expect(behaviour.versions().first()).toContainText("HR referral points to the People team");

  await page.goto("/");
  const chat = new ChatPage(page);
  await chat.ask("Why is my salary lower than my colleague's?");
  await expect(chat.lastAnswer()).toContainText(REFERRAL);
});

test("an admin evaluates models, sees a bad candidate's regressions, overrides with a reason, then rolls back", async ({ page }) => {
  // A model server that answers without citations or refusals, behind OpenAI's HTTP contract.
  const bad = await startOpenAIServer((req) => `Sure, about "${lastUserMessage(req)}": yes, that is fine.`);
  try {
    await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
    const models = new ModelsPage(page);
    await models.open();
    await expect(models.activeModel()).toHaveText("builtin-extractive");

    await models.evaluate("builtin-extractive");
    // The un-tuned model misses 1 of the held-apart paraphrases and hard negatives (docs/behaviour-learner.md).
    await expect(models.lastEvaluation("builtin-extractive")).toContainText("38 of 39 cases passed");
    await expect(models.lastEvaluation("builtin-extractive")).toContainText("spec v2");
    await expect(models.chart()).toBeVisible();
    await expect(models.chart().getByTestId("behaviour-bar").filter({ hasText: "escalates:compliance" })).toContainText("90%");

    await models.register("bad-bot", "bad", bad.baseURL);
    await models.evaluate("bad-bot");
    await models.row("bad-bot").getByRole("link", { name: "Compare with active" }).click();
    await expect(page.getByRole("heading", { name: /bad-bot beside builtin-extractive/ })).toBeVisible();
    await expect(models.chart().getByTestId("behaviour-bar").filter({ hasText: "refuses:hr" })).toContainText("regression");
    const regression = page.getByTestId("regression").filter({ hasText: "refuse-hr-salary" });
    await expect(regression).toContainText("The referral text is missing.");
    await expect(regression).toContainText(REFERRAL); // expected
    await expect(regression).toContainText("Sure, about"); // got

    await page.getByRole("button", { name: "Override and promote" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Promotion blocked" })).toContainText("regresses against builtin-extractive");
    await page.getByLabel("Override reason (kept in the audit log)").fill("Demo of the override for the pilot group");
    await page.getByRole("button", { name: "Override and promote" }).click();
    await expect(page.getByRole("status").filter({ hasText: "bad-bot is now the active model" })).toBeVisible();

    const chat = new ChatPage(page);
    await page.goto("/");
    await chat.ask("Can I expense a taxi?");
    await expect(chat.lastAnswer().getByTestId("answered-by")).toContainText("bad-bot");

    await models.open();
    await expect(models.activeModel()).toHaveText("bad-bot");
    await page.getByRole("button", { name: "Roll back to builtin-extractive" }).click();
    await confirm(page, "Roll back to builtin-extractive");
    await expect(page.getByRole("status").filter({ hasText: "Rolled back" })).toBeVisible();
    await expect(models.activeModel()).toHaveText("builtin-extractive");

    await page.goto("/");
    await chat.ask("Why is my salary lower than my colleague's?");
    await expect(chat.lastAnswer()).toContainText(REFERRAL);
    await expect(chat.lastAnswer().getByTestId("answered-by")).toContainText("builtin-extractive");
  } finally {
    await bad.close();
  }
});
