import { z } from "zod";
import { createUser } from "@/db/queries/users";
import { db } from "../db";
import { AppError } from "../errors";
import { hashPassword } from "./password";

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for your name."),
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(8, "Use at least 8 characters for your password.").max(200, "Use at most 200 characters for your password."),
});

/** Creates an account. The first account on a fresh install becomes the administrator. */
export async function register(input: unknown) {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  const { name, email, password } = parsed.data;
  const user = await createUser(db(), { name, email, passwordHash: await hashPassword(password) });
  if (!user) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
  return user;
}
