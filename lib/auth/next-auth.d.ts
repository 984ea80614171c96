import type { SessionClaims } from "./session-claims";

declare module "next-auth" {
  interface Session {
    /** Null for a token issued before session versions existed: such a session is refused. */
    claims?: SessionClaims | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    signedInAt?: number;
  }
}
