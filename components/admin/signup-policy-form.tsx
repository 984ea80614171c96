import type { SignupRules } from "@/lib/auth/signup-policy";
import { ActionForm, type ActionState } from "./action-form";
import { input } from "./styles";

const CHOICES: [SignupRules["policy"], string][] = [
  ["invite", "Invitation only: people join through an invitation link (or by single sign-on with an invited address), or an admin creates them"],
  ["open", "Open: anyone who can reach Groundwork, or your provider vouches for, may create an employee account"],
  ["domains", "Allowed e-mail domains: anyone with an address at one of the domains below, by registering or single sign-on"],
  ["sso-only", "Single sign-on only: no registration page; accounts come from your provider"],
];

/** Who may create an account, through /register or a first single sign-on; the register page, its action and the sign-on all obey it. */
export function SignupPolicyForm({ rules, action }: { rules: SignupRules; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  return (
    <section aria-labelledby="signup-policy" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="signup-policy" className="mb-2 font-medium">Sign-up policy</h2>
      <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
        {rules.source === "admin" ? "Chosen here." : "The server's default (SIGNUP_POLICY) until you choose here."}
      </p>
      <ActionForm action={action} submit="Save sign-up policy" className="flex flex-col gap-2 text-sm">
        <fieldset className="flex flex-col gap-1">
          <legend className="sr-only">Who may create an account</legend>
          {CHOICES.map(([value, label]) => (
            <label key={value} className="flex items-start gap-2">
              <input type="radio" name="policy" value={value} defaultChecked={rules.policy === value} className="mt-1" />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col gap-1">
          Allowed domains
          <textarea name="domains" rows={2} defaultValue={rules.domains.join("\n")} placeholder="example.com" className={input} />
        </label>
      </ActionForm>
    </section>
  );
}
