import { expect, type Page } from "@playwright/test";

/** The users, groups and audit pages of the administration. */
export class AccessAdminPages {
  constructor(private readonly page: Page) {}

  async createGroup(name: string) {
    await this.page.goto("/admin/groups");
    await this.page.getByLabel("New group name").fill(name);
    await this.page.getByRole("button", { name: "Create group" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: `Created group "${name}"` })).toBeVisible();
  }

  async openGroup(name: string) {
    await this.page.goto("/admin/groups");
    await this.page.getByTestId("group-row").getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { name: `Group ${name}` })).toBeVisible();
  }

  async createUser(user: { name: string; email: string; password: string }) {
    await this.page.goto("/admin/users");
    const form = this.page.getByRole("region", { name: "Create a user" });
    await form.getByLabel("Name").fill(user.name);
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Initial password").fill(user.password);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toHaveText(`Created ${user.email}. Give them their initial password.`);
  }

  userRow(email: string) {
    return this.page.getByTestId("user-row").filter({ hasText: email });
  }
}
