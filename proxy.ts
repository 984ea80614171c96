import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/security/headers";

/**
 * Security headers on every page and route. Next reads the nonce from the request's CSP header
 * and puts it on its own scripts, so pages (all dynamically rendered) keep working under it.
 */
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), env().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build output is immutable and same-origin; everything else, API routes included, gets the headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
