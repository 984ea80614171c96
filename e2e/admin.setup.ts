import { expect, test as setup } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";

// Runs before every other browser test, on a fresh database: the first account becomes the admin.
setup("the first account registered becomes the administrator", async ({ page }) => {
  await page.goto("/register");
  await expect(page.getByText("the first account becomes the administrator")).toBeVisible();
  await new AuthPages(page).register(ADMIN.name, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("link", { name: "Manage documents" })).toBeVisible();
  await page.goto("/admin/documents");
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
});
