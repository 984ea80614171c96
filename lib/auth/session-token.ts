import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { sessionVersionOf } from "@/db/queries/sessions";
import { db } from "../db";
import { endSessions } from "./end-sessions";
import { claimsOf, nowSeconds, outlivedMaximum } from "./session-claims";

/** Auth.js callbacks that put the session claims into the token and read them back. */

/** At sign-in: the token carries the account's current session version and the sign-in time. */
export async function issueSession(token: JWT, userId: string): Promise<JWT> {
  return { ...token, sub: userId, sv: (await sessionVersionOf(db(), userId)) ?? 0, signedInAt: nowSeconds() };
}

/** On each later read: a token past its maximum lifetime is dropped (its cookie cleared). */
export function renewSession(token: JWT): JWT | null {
  const claims = claimsOf(token);
  return claims && !outlivedMaximum(claims.signedInAt) ? token : null;
}

export function sessionFields(session: Session, token: JWT): Session {
  const claims = claimsOf(token);
  return { ...session, user: { ...session.user, id: claims?.userId }, claims };
}

/** Signing out ends every session of the account, not only the cookie this browser drops. */
export async function endSessionsOnSignOut(message: { token?: JWT | null } | { session?: unknown }) {
  const claims = "token" in message ? claimsOf(message.token) : null;
  if (claims) await endSessions(claims.userId, null, "sign_out");
}
