import type { Executor } from "../client";
import { signupSettings } from "../schema";

export type SignupPolicy = NonNullable<typeof signupSettings.$inferSelect.policy>;

/** The policy an admin chose, or null when none was (the environment default applies). */
export async function findSignupSettings(db: Executor): Promise<{ policy: SignupPolicy; domains: string[] } | null> {
  const [row] = await db.select({ policy: signupSettings.policy, domains: signupSettings.domains }).from(signupSettings).limit(1);
  return row?.policy ? { policy: row.policy, domains: row.domains } : null;
}

export async function saveSignupSettings(db: Executor, input: { policy: SignupPolicy; domains: string[]; updatedBy: string }) {
  const values = { ...input, updatedAt: new Date() };
  await db.insert(signupSettings).values({ id: true, ...values }).onConflictDoUpdate({ target: signupSettings.id, set: values });
}
