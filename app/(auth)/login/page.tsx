import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { oidcSettings } from "@/lib/auth/oidc";
import { currentUser } from "@/lib/auth/session";
import { loginAction, oidcLoginAction } from "../actions";

/** Auth.js sends failed redirects here with ?error= (and ?code= for credentials, and for single sign-on the sign-up policy refused). */
const NOTICES: Record<string, string> = {
  AccessDenied: "This account cannot sign in: it is deactivated, or the provider did not confirm its email address. Ask an administrator.",
  not_set_up: "Groundwork is not set up yet: its administrator first opens the setup link printed when the server started.",
  not_invited: "Your organization's account is fine, but Groundwork is by invitation only. Ask an administrator to invite you.",
  domain_not_allowed: "Accounts through single sign-on are open to some e-mail domains only, and yours is not one of them. Ask an administrator to invite you.",
  rate_limited: "Too many sign-in attempts. Wait a minute, then try again.",
  CredentialsSignin: "The email or password is not right. Check them and try again.",
};

/** After /register, for new and existing addresses alike (no telling which). */
const REGISTERED = "If this address could be registered, its account is ready. Sign in with it and your password.";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; code?: string; registered?: string }> }) {
  if (await currentUser()) redirect("/");
  const { error, code, registered } = await searchParams;
  const known = (key?: string) => (key && Object.hasOwn(NOTICES, key) ? NOTICES[key] : undefined);
  const notice = error ? (known(code) ?? known(error) ?? "Signing in did not work. Please try again.") : undefined;
  const oidc = oidcSettings();
  return <AuthForm mode="login" action={loginAction} notice={notice} info={registered ? REGISTERED : undefined} sso={oidc ? { name: oidc.name, action: oidcLoginAction } : undefined} />;
}
