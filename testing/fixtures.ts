import { randomUUID } from "node:crypto";
import { createUser, setUserRole } from "@/db/queries/users";
import type { CurrentUser } from "../lib/auth/user";
import { hashPassword } from "../lib/auth/password";
import { db } from "../lib/db";
import { processNextJob } from "../lib/ingest/worker";

/** A user straight in the database (integration tests; the browser tests register for real). */
export async function createTestUser(role: "admin" | "employee"): Promise<CurrentUser> {
  const email = `${role}-${randomUUID()}@example.com`;
  const user = await createUser(db(), { email, name: role, passwordHash: await hashPassword("a test password") });
  if (!user) throw new Error("could not create test user");
  if (user.role !== role) await setUserRole(db(), user.id, role);
  return { id: user.id, email, name: role, role };
}

/** Runs the ingest worker until the queue has nothing due. */
export async function drainQueue() {
  while (await processNextJob()) {
    // keep going
  }
}
