import { z } from "zod";
import type { Executor } from "@/db/client";
import { findSignupSettings, saveSignupSettings, type SignupPolicy } from "@/db/queries/signup-settings";
import { hasAdmin } from "@/db/queries/users";
import { audit } from "../admin/audit";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import type { CurrentUser } from "./user";

export type { SignupPolicy };

export interface SignupRules {
  policy: SignupPolicy;
  domains: string[];
  /** Whether an admin chose it on /admin/users, or it is SIGNUP_POLICY's default. */
  source: "admin" | "environment";
  /** False until the first administrator exists: until then nobody registers (docs/security.md). */
  setUp: boolean;
}

export const SIGNUP_POLICIES = ["invite", "open", "domains", "sso-only"] as const satisfies readonly SignupPolicy[];

const domainSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Enter domains such as example.com, one per line.");

export const parseDomains = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export async function signupRules(executor: Executor = db()): Promise<SignupRules> {
  const [chosen, setUp] = await Promise.all([findSignupSettings(executor), hasAdmin(executor)]);
  if (chosen) return { ...chosen, source: "admin", setUp };
  const e = env();
  return { policy: e.SIGNUP_POLICY, domains: parseDomains(e.SIGNUP_DOMAINS.toLowerCase()), source: "environment", setUp };
}

/** Why this address may not register under these rules, as a sentence to show; null when it may. */
export function signupRefusal(rules: SignupRules, email?: string): string | null {
  if (!rules.setUp) return "Groundwork is not set up yet: its administrator first opens the setup link printed when the server started.";
  switch (rules.policy) {
    case "open":
      return null;
    case "invite":
      return "Accounts are by invitation only. Ask an administrator to invite you.";
    case "sso-only":
      return "Accounts are created through single sign-on. Sign in with your organization's account.";
    case "domains": {
      const domain = email?.split("@").at(-1)?.toLowerCase();
      if (domain && rules.domains.includes(domain)) return null;
      return rules.domains.length
        ? `Sign-up is open to addresses at ${rules.domains.join(", ")} only.`
        : "Accounts are by invitation only. Ask an administrator to invite you.";
    }
  }
}

/** Why single sign-on may not create an account for a person the provider vouches for, without an invitation. */
export type SsoRefusal = "not_set_up" | "not_invited" | "domain_not_allowed";

/**
 * The policy for accounts made by single sign-on: the provider says who the person is, the policy
 * whether they may join. `open` and `sso-only` admit them, `domains` by address, `invite` only
 * with an invitation (the caller looks for one). Nobody joins before the first administrator exists.
 */
export function ssoSignupRefusal(rules: SignupRules, email: string): SsoRefusal | null {
  if (!rules.setUp) return "not_set_up";
  switch (rules.policy) {
    case "open":
    case "sso-only":
      return null;
    case "invite":
      return "not_invited";
    case "domains":
      return rules.domains.includes(email.split("@").at(-1)!.toLowerCase()) ? null : "domain_not_allowed";
  }
}

const settingsSchema = z.object({
  policy: z.enum(SIGNUP_POLICIES, "Choose a sign-up policy."),
  domains: z.array(domainSchema).max(100, "List at most 100 domains."),
});

/** An admin chooses the policy; it applies to the next registration, on every server. */
export async function setSignupPolicy(admin: CurrentUser, input: { policy: unknown; domains: string }) {
  const parsed = settingsSchema.safeParse({ policy: input.policy, domains: parseDomains(input.domains) });
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  const { policy, domains } = parsed.data;
  if (policy === "domains" && domains.length === 0) throw new AppError("bad_request", "List at least one domain, or choose another policy.");
  const unique = [...new Set(domains)];
  await db().transaction(async (tx) => {
    await saveSignupSettings(tx, { policy, domains: unique, updatedBy: admin.id });
    await audit(tx, admin, "settings.signup_policy", { type: "settings" }, { policy, domains: unique });
  });
}
