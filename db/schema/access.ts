import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * An invitation by link. Only the token's SHA-256 is stored, so a database reader cannot accept
 * one; it is single use (`usedAt`) and expires.
 */
export const invites = pgTable("invites", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  email: text("email").notNull(),
  role: text("role", { enum: ["admin", "employee"] }).notNull().default("employee"),
  /** Group ids the new account joins on acceptance. */
  groupIds: uuid("group_ids").array().notNull().default([]),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window counters shared by every web server process (registrations, chat requests). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/**
 * Failed sign-ins per account and per address (`key`), shared by every web server process. Each
 * failure past the free ones doubles the wait before the next attempt (lib/auth/throttle.ts);
 * nothing is ever locked: once `retryAt` has passed, the next attempt is checked as usual.
 */
export const signInFailures = pgTable("sign_in_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  retryAt: timestamp("retry_at", { withTimezone: true }).notNull(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
});

/** One answer being streamed: released when its stream ends, or counted until `until` if its process crashed. */
export interface HeldSlot {
  id: string;
  /** ISO time after which the slot no longer counts. */
  until: string;
}

/**
 * The answers each user is streaming, one row per user. The row is what orders one user's
 * concurrent requests: taking a slot is a single upsert whose check runs on the row as the last
 * request left it (db/queries/rate-limits.ts), so no lock or transaction is needed.
 */
export const streamSlots = pgTable("stream_slots", {
  userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  held: jsonb("held").$type<HeldSlot[]>().notNull(),
});
