import { expect, type Page } from "@playwright/test";

export class AuthPages {
  constructor(private readonly page: Page) {}

  async register(name: string, email: string, password: string) {
    await this.page.goto("/register");
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    // The same notice whether the address was new or not; then signing in as anyone would.
    await expect(this.page.getByRole("status")).toContainText("If this address could be registered, its account is ready.", { timeout: 20_000 });
    await this.signIn(email, password);
  }

  /** On an install of its own (`origin`), makes the first administrator through its setup link. */
  async setUpAdministrator(origin: string, token: string, admin: { name: string; email: string; password: string }) {
    await this.page.goto(`${origin}/setup/${token}`);
    await this.page.getByLabel("Name").fill(admin.name);
    await this.page.getByLabel("Email").fill(admin.email);
    await this.page.getByLabel("Password").fill(admin.password);
    await this.page.getByRole("button", { name: "Create administrator" }).click();
    await expect(this.page).toHaveURL(/\/admin\/get-started$/, { timeout: 30_000 });
  }

  async signIn(email: string, password: string) {
    await this.page.goto("/login");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(this.page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  }
}
