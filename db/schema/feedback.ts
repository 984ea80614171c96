import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { messages } from "./chat";
import { users } from "./users";

/** A thumbs up or down on one assistant answer, at most one per user and answer (changeable). */
export const feedback = pgTable(
  "feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: text("message_id").notNull().references(() => messages.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    rating: text("rating", { enum: ["up", "down"] }).notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("feedback_message_user").on(t.messageId, t.userId), index("feedback_rating_idx").on(t.rating, t.createdAt)],
);
