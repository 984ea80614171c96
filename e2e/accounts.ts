/** The administrator created by admin.setup.ts through the setup link, first of all accounts. */
export const ADMIN = { name: "Ada Admin", email: "ada.admin@example.com", password: "correct horse battery" };

/** Preset for the test server (SETUP_TOKEN in playwright.config.ts), as an automated deploy would. */
export const SETUP_TOKEN = "e2e-setup-token-not-for-production";
