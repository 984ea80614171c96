import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

// The job queue itself is pg-boss, in its own schema (lib/jobs/queue.ts).

/** One row per running worker process, refreshed on a timer: readiness asks whether any is alive. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
});
