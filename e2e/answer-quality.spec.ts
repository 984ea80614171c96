import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { newEmployee } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { accessibilityFindings, NOTHING_WRONG } from "./support/a11y";

// In order: the phone layout reads the run the desktop one started.
test.describe.configure({ mode: "serial" });

// The app's ANSWER_SETS_DIR is e2e/answer-sets (playwright.config.ts): `tiny` (3 questions) and `broken`.
for (const size of [
  { width: 1280, height: 900, theme: "light" },
  { width: 390, height: 844, theme: "dark" },
] as const) {
  test(`an admin runs an answers evaluation and reads its figures and questions at ${size.width} px (${size.theme})`, async ({ page }) => {
    await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: size.theme });
    // Reached from the admin navigation, beside the behaviour and models pages.
    await page.goto("/admin/models");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Answer quality" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Answer quality" })).toBeVisible();

    // The malformed set is listed with the line at fault, and cannot be chosen.
    await expect(page.getByTestId("malformed-sets")).toContainText(/broken: broken\/questions\.jsonl:2: answerable: /);
    await expect(page.getByLabel("Set").locator("option")).toHaveText(["tiny (3 questions)"]);
    await expect(page.getByLabel("Model")).toHaveValue(/.+/);
    await expect(page.getByLabel("Model").locator("option:checked")).toHaveText("builtin-extractive (active)");

    // One run for both layouts (it takes seconds): the phone reads the run the desktop started.
    const run = page.getByTestId("answer-eval-run").first();
    if (size.width === 1280) {
      await page.getByRole("button", { name: "Run evaluation" }).click();
      await expect(page.getByRole("status")).toContainText("Evaluating builtin-extractive on tiny (3 questions) in the background");
      // Progress shows while it runs (n of 3), then the figures once it is done.
      await expect(run.getByTestId("answer-eval-progress")).toHaveText(/^[0-3] of 3 questions$/);
    }
    await expect(run).toHaveAttribute("data-status", "done", { timeout: 45_000 });
    const figures = run.getByTestId("answer-eval-figures");
    await expect(figures).toContainText("False refusals0% of 2");
    await expect(figures).toContainText("Declined when unanswerable100% of 1");
    await expect(figures).toContainText("Cited the right file100%");
    await expect(figures).toContainText(/Latency p50 \/ p95\d+(\.\d)? m?s \/ \d+(\.\d)? m?s/);

    const rows = page.getByTestId("answer-eval-question");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText("lunch When does the Nimbus canteen serve lunch?");
    await expect(rows.nth(0)).toContainText("answered");
    await expect(rows.nth(0)).toContainText("nimbus-canteen.md");
    await expect(rows.nth(2)).toContainText("declined");
    await expect(rows.nth(2)).toContainText("none");

    // The finished run's figures and table pass the sweep too, in both themes, and nothing is wider
    // than the screen: the table scrolls inside its own region (a11y.spec.ts sees the page before any run).
    expect(await accessibilityFindings(page)).toEqual(NOTHING_WRONG);
    await page.emulateMedia({ colorScheme: size.theme });
    await page.screenshot({ path: test.info().outputPath(`answer-quality-${size.width}.png`), fullPage: true });
  });
}

test("an employee gets no answer-quality page and cannot start a run", async ({ page }) => {
  await newEmployee(page, "answer-quality");
  const response = await page.goto("/admin/answer-quality");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("button", { name: "Run evaluation" })).toHaveCount(0);
});
