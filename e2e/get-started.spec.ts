import { expect, test, type Page } from "@playwright/test";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startOpenAIServer } from "../testing/openai-server";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { ModelsPage } from "./pages/behaviour";
import { LAYOUTS, layOut } from "./support/layouts";

/** An address where nothing listens: a port that was free a moment ago. */
async function closedAddress() {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/v1`;
}

// Issue 19: the first admin's first-run page. Connect a model (presets, a real test request, the
// exact error), add documents, invite people; each step says when it is done. The whole walk at a
// desktop and a phone width, in the light and the dark theme.
test("the first-run page tests a model connection, registers it, loads documents and invites a colleague, marking each step done", async ({ page }) => {
  test.setTimeout(240_000);
  const model = await startOpenAIServer(() => "Ready when you are.");
  try {
    await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
    for (const layout of LAYOUTS) {
      await test.step(layout.name, async () => {
        // The page is switched in place: the layouts cost visits, not sign-ins.
        await layOut(page, layout);
        await walkFirstRunPage(page, model);
      });
    }
  } finally {
    await model.close();
  }
});

/** One walk through the page, as the first admin makes it. */
async function walkFirstRunPage(page: Page, model: Awaited<ReturnType<typeof startOpenAIServer>>) {
  await page.goto("/admin/documents");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Get started" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Get started" })).toBeVisible();
  const step = (n: number) => page.getByTestId(`step-${n}`);
  const status = (n: number) => step(n).getByTestId("step-status");

  // Presets fill in the usual address and say where the key comes from.
  const where = page.getByLabel("Where the model runs");
  const baseUrl = page.getByLabel("Base URL");
  await where.selectOption("Ollama");
  await expect(baseUrl).toHaveValue("http://localhost:11434/v1");
  await expect(page.getByTestId("key-note")).toHaveText("A local server needs no key.");
  await where.selectOption("Azure OpenAI");
  await expect(baseUrl).toHaveValue(/^https:\/\/YOUR-RESOURCE\.openai\.azure\.com\/openai\/v1$/);
  await expect(page.getByTestId("key-note")).toContainText("OPENAI_COMPATIBLE_API_KEY");
  await where.selectOption("vLLM");
  await expect(baseUrl).toHaveValue("http://localhost:8000/v1");

  // Nothing listens there: the exact error, not a vague failure.
  const id = `stand-in-${Date.now().toString(36)}`;
  await page.getByLabel("Model id").fill(id);
  await baseUrl.fill(await closedAddress());
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(step(1).getByRole("alert")).toContainText("Not connected. Cannot connect to API");
  expect(model.requests.filter((r) => r.model === id)).toHaveLength(0);

  // What was typed stays for the next try. The model server answers: one short request, and its reply is shown.
  await expect(page.getByLabel("Model id")).toHaveValue(id);
  await baseUrl.fill(model.baseURL);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(step(1).getByRole("status").filter({ hasText: "Connected in" })).toContainText("The model replied: “Ready when you are.”");
  expect(model.requests.map((r) => r.model).filter((m) => m === id)).toEqual([id]);

  // Registered under its model id (no name given): the step counts it, and the models page lists it as a candidate.
  const connected = Number((await status(1).textContent())?.match(/Done: (\d+) connected/)?.[1] ?? 0);
  await page.getByRole("button", { name: "Register model" }).click();
  await expect(step(1).getByRole("status").filter({ hasText: `Registered ${id}.` })).toBeVisible();
  await expect(status(1)).toHaveText(`Done: ${connected + 1} connected`);

  await step(2).getByRole("button", { name: "Load sample policies" }).click();
  await expect(step(2).getByRole("status")).toBeVisible({ timeout: 30_000 });
  await expect(status(2)).toHaveText(/^Done: \d+ documents?$/);

  await step(3).getByLabel("Colleague's email").fill(`colleague-${Date.now().toString(36)}@example.com`);
  await step(3).getByRole("button", { name: "Create invitation" }).click();
  await expect(step(3).getByLabel("Invitation link")).toHaveValue(/\/invite\//);
  await expect(status(3)).toHaveText(/^Done: \d+ joined, [1-9]\d* invitations? open$/);

  // With every step's result shown, nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);

  await page.goto("/admin/models");
  await expect(new ModelsPage(page).row(id)).toBeVisible();
}
