/** The administrator registered by admin.setup.ts, first of all accounts. */
export const ADMIN = { name: "Ada Admin", email: "ada.admin@example.com", password: "correct horse battery" };
