import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { currentUser } from "@/lib/auth/session";
import { signupRefusal, signupRules } from "@/lib/auth/signup-policy";
import { registerAction } from "../actions";

export default async function RegisterPage() {
  if (await currentUser()) redirect("/");
  const rules = await signupRules();
  // Closed to everyone: no form at all. Under `domains` the form stays and the action checks the address.
  const closed = rules.policy === "domains" && rules.setUp && rules.domains.length ? null : signupRefusal(rules);
  const hint = rules.policy === "domains" && !closed ? `Sign-up is open to addresses at ${rules.domains.join(", ")}.` : undefined;
  return <AuthForm mode="register" action={registerAction} closed={closed ?? undefined} hint={hint} />;
}
