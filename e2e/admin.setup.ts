import { writeFile } from "node:fs/promises";
import { expect, test as setup } from "@playwright/test";
import { ADMIN, SETUP_TOKEN } from "./accounts";
import { accessibilityFindings, SETUP_FORM_FINDINGS, VIEWPORTS } from "./support/a11y";

// Runs before every other browser test, on a fresh database: only the setup link makes the admin.
setup("a fresh install makes its administrator only through the one-time setup link", async ({ page }) => {
  await page.goto("/register");
  await expect(page.getByRole("alert").filter({ hasText: "Groundwork is not set up yet" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);

  await page.goto("/setup/not-the-setup-token-at-all");
  await expect(page.getByRole("heading", { name: "Setup link not valid" })).toBeVisible();

  // The setup form exists only until it is used: looked at here, judged by a11y.spec.ts.
  const findings: Record<number, unknown> = {};
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.goto(`/setup/${SETUP_TOKEN}`);
    findings[viewport.width] = await accessibilityFindings(page);
  }
  await writeFile(SETUP_FORM_FINDINGS, JSON.stringify(findings));
  await page.setViewportSize(VIEWPORTS[0]);
  await page.emulateMedia({ colorScheme: null });

  await page.goto(`/setup/${SETUP_TOKEN}`);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  // The new administrator lands on the first-run page.
  await expect(page).toHaveURL(/\/admin\/get-started$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Get started" })).toBeVisible();
  await page.goto("/admin/documents");
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();

  // The link dies with its use.
  await page.context().clearCookies();
  await page.goto(`/setup/${SETUP_TOKEN}`);
  await expect(page.getByRole("heading", { name: "Setup link not valid" })).toBeVisible();
});
