import NextAuth, { CredentialsSignin } from "next-auth";
import { NextRequest } from "next/server";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { recordSignIn } from "@/db/queries/user-admin";
import { audit } from "../admin/audit";
import { db } from "../db";
import { env } from "../env";
import { sessionLifetime } from "./session-claims";
import { oidcSettings, signInFromProvider } from "./oidc";
import { checkCredentials } from "./credentials";
import { DEVICE_COOKIE } from "./device-cookie";
import { endSessionsOnSignOut, issueSession, renewSession, sessionFields } from "./session-token";
import { clientAddress } from "../security/client-address";

/** Slowed down after failures: the sign-in form tells the person how long to wait. */
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const address = clientAddress(request.headers);
        const device = new NextRequest(request).cookies.get(DEVICE_COOKIE)?.value;
        const outcome = await checkCredentials(raw, address, undefined, device);
        if ("retryAfterMs" in outcome) throw new SignInThrottled(outcome.retryAfterMs);
        if (!outcome.ok) throw new CredentialsSignin();
        await signedIn(outcome.user.id, outcome.user.email, "credentials", address);
        return outcome.user;
      },
    }),
  ];
  const oidc = oidcSettings();
  if (oidc) {
    list.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: oidc.scopes } },
      checks: ["pkce", "state", "nonce"],
    });
  }
  return list;
}

async function signedIn(userId: string, email: string, method: string, address?: string) {
  await db().transaction(async (tx) => {
    await recordSignIn(tx, userId);
    await audit(tx, { id: userId, email }, "auth.sign_in", { type: "user", id: userId }, { method, address });
  });
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env().AUTH_SECRET,
  trustHost: true,
  // The cookie's lifetime is the idle limit: it is renewed on every request (proxy.ts).
  session: { strategy: "jwt", maxAge: sessionLifetime().idleSeconds },
  pages: { signIn: "/login", error: "/login" },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const settings = oidcSettings();
      if (!settings || !profile) return false;
      const outcome = await signInFromProvider(profile, settings);
      if (!outcome.ok) {
        await audit(db(), null, "auth.sign_in_failed", { type: "user" }, { email: profile.email, method: "oidc", reason: outcome.reason });
        // The sign-up policy's refusals say what to do (ask for an invitation); the others are one notice.
        return outcome.reason === "inactive" || outcome.reason === "unverified_email" ? false : `/login?error=AccessDenied&code=${outcome.reason}`;
      }
      // The session names our account, not the provider's subject.
      user.id = outcome.userId;
      await signedIn(outcome.userId, String(profile.email).toLowerCase(), "oidc");
      return true;
    },
    jwt({ token, user }) {
      return user?.id ? issueSession(token, user.id) : renewSession(token);
    },
    session({ session, token }) {
      return sessionFields(session, token);
    },
  },
  events: { signOut: endSessionsOnSignOut },
});
