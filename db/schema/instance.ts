import { boolean, check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./users";

/**
 * Who may create an account, as an admin set it: one row (id is always true). No row, or a null
 * policy, means the SIGNUP_POLICY environment default applies.
 */
export const signupSettings = pgTable(
  "signup_settings",
  {
    id: boolean("id").primaryKey().default(true),
    policy: text("policy", { enum: ["invite", "open", "domains", "sso-only"] }),
    /** Lower-case e-mail domains allowed to register under the `domains` policy. */
    domains: text("domains").array().notNull().default([]),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("signup_settings_one_row", sql`${t.id}`)],
);

/**
 * The one-time token of the link that creates the first administrator. Only its SHA-256 is kept,
 * so a database reader cannot use it; the row is deleted when the administrator is created.
 */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
