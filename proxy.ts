import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
import { env } from "@/lib/env";
import { headersFor, newNonce, requestIdFrom } from "@/lib/security/headers";

/**
 * Security headers on every page and route. Next reads the nonce from the request's CSP header
 * and puts it on its own scripts, so pages (all dynamically rendered) keep working under it.
 * Wrapped in auth() so that every other request renews the session cookie: its lifetime is the idle
 * limit. Whether the session still holds is decided where it is read (lib/auth/session.ts).
 */
function secured(request: NextRequest) {
  const headers = headersFor(request.nextUrl, request.headers, newNonce(), env().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // Every request gets an id, kept from a proxy in front when it sent a sane one, for the logs (lib/log.ts) and the client.
  const requestId = requestIdFrom(request.headers);
  requestHeaders.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

const renewingSession = auth(secured);

// Auth.js's own routes set the cookie themselves (sign-in, sign-out): a renewal there could race it.
export function proxy(request: NextRequest) {
  return request.nextUrl.pathname.startsWith("/api/auth/") ? secured(request) : renewingSession(request, { params: Promise.resolve({}) });
}

export const config = {
  // Build output is immutable and same-origin; everything else, API routes included, gets the headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
