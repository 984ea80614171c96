import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { deleteSetupTokens, hasSetupToken, replaceSetupToken } from "@/db/queries/setup-tokens";
import { insertUser, lockAdminSet } from "@/db/queries/user-admin";
import { hasAdmin } from "@/db/queries/users";
import { audit } from "../admin/audit";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { hashPassword } from "./password";
import { registrationSchema } from "./register";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const invalid = () =>
  new AppError("not_found", "This setup link is not valid: the administrator exists already, or the server printed a newer link when it restarted.");

/**
 * On a fresh install (no administrator yet), makes the one token that creates the first one and
 * returns it for the console; null once an administrator exists. SETUP_TOKEN presets it (automated
 * deploys know the link in advance); otherwise each start makes a new one and the old link dies.
 */
export async function issueSetupToken(): Promise<string | null> {
  if (await hasAdmin(db())) return null;
  const token = env().SETUP_TOKEN ?? randomBytes(32).toString("base64url");
  await replaceSetupToken(db(), hashToken(token));
  return token;
}

/** A server started without the launcher (`next start`) knows no stored token but may have SETUP_TOKEN. */
function presetMatches(token: string): boolean {
  const preset = env().SETUP_TOKEN;
  if (!preset) return false;
  const [a, b] = [hashToken(preset), hashToken(token)].map((h) => Buffer.from(h));
  return timingSafeEqual(a!, b!);
}

export async function setupTokenValid(token: string): Promise<boolean> {
  if (token.length > 200 || (await hasAdmin(db()))) return false;
  return presetMatches(token) || (await hasSetupToken(db(), hashToken(token)));
}

/** The setup link's form: creates the first administrator, once; the token dies with it. */
export async function createFirstAdmin(token: string, input: unknown) {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  if (!(await setupTokenValid(token))) throw invalid();
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    // Two people racing with the link: the lock makes the second see the first's administrator.
    await lockAdminSet(tx);
    if (await hasAdmin(tx)) throw invalid();
    const user = await insertUser(tx, { name, email, passwordHash, role: "admin" });
    if (!user) throw new AppError("conflict", "An account with this email already exists. Use another address for the administrator.");
    await deleteSetupTokens(tx);
    await audit(tx, { id: user.id, email }, "user.setup_admin", { type: "user", id: user.id });
    return user;
  });
}
