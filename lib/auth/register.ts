import { z } from "zod";
import { insertUser } from "@/db/queries/user-admin";
import { audit } from "../admin/audit";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { countRequest } from "../limits/rate-limit";
import { hashPassword } from "./password";
import { signupRefusal, signupRules } from "./signup-policy";

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for your name."),
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(8, "Use at least 8 characters for your password.").max(200, "Use at most 200 characters for your password."),
});

/**
 * Counts an account creation from `address` (registration and invitation acceptance share it), so
 * one address cannot mint accounts by the hundred. Throws rate_limited past the limit.
 */
export async function countRegistration(address: string) {
  const verdict = await countRequest(`register:address:${address}`, env().REGISTER_MAX_PER_ADDRESS);
  if (!verdict.allowed) {
    throw new AppError("rate_limited", `Too many accounts were created from your address. Try again in ${verdict.retryAfter} seconds.`, verdict.retryAfter);
  }
}

/**
 * Creates an employee account when the sign-up policy lets this address register. An address
 * that already has an account gets the same outcome, after the same work (the password is hashed
 * either way), so registering cannot be used to learn who has an account; the caller shows one
 * message for both. Administrators come only from the setup link (first-admin.ts) or an admin.
 */
export async function register(input: unknown, address: string): Promise<void> {
  await countRegistration(address);
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  const { name, email, password } = parsed.data;
  const refusal = signupRefusal(await signupRules(), email);
  if (refusal) throw new AppError("forbidden", refusal);
  const passwordHash = await hashPassword(password);
  await db().transaction(async (tx) => {
    const user = await insertUser(tx, { name, email, passwordHash, role: "employee" });
    if (user) await audit(tx, { id: user.id, email }, "user.register", { type: "user", id: user.id }, { address });
    else await audit(tx, null, "user.register_existing", { type: "user" }, { email, address });
  });
}
