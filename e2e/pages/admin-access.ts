import { expect, type Page } from "@playwright/test";

export const POLICY_LABEL = { invite: /^Invitation only/, open: /^Open:/, domains: /^Allowed e-mail domains/, "sso-only": /^Single sign-on only/ } as const;
export type Policy = keyof typeof POLICY_LABEL;

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

  async choosePolicy(policy: Policy, domains = "") {
    await this.page.goto("/admin/users");
    const form = this.page.getByRole("region", { name: "Sign-up policy" });
    await form.getByLabel(POLICY_LABEL[policy]).check();
    await form.getByLabel("Allowed domains").fill(domains);
    await form.getByRole("button", { name: "Save sign-up policy" }).click();
    await expect(form.getByRole("status")).toHaveText("Sign-up policy saved. It applies to the next registration.");
  }

  /** An invitation by link from the users page; returns the link. */
  async invite(email: string) {
    await this.page.goto("/admin/users");
    const invite = this.page.getByRole("region", { name: "Invite by link" });
    await invite.getByLabel("Email").fill(email);
    await invite.getByRole("button", { name: "Create invitation" }).click();
    return invite.getByLabel("Invitation link").inputValue();
  }

  userRow(email: string) {
    return this.page.getByTestId("user-row").filter({ hasText: email });
  }
}
