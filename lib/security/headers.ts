/*
 * The browser-side half of output handling. Model answers, snippets, titles and filenames are
 * rendered as text by React, and Markdown is rendered without raw HTML; this policy is what stops
 * a script anyway should any of that ever slip: scripts run only with this response's nonce (and
 * what they load, 'strict-dynamic'), nothing is fetched from another origin, no plugin, no framing.
 */

/**
 * - style-src keeps 'unsafe-inline': server-rendered style attributes (progress bars) need it and
 *   styles cannot run code; a nonce there would disable 'unsafe-inline' and break them.
 * - worker-src allows blob: for pdf.js, which starts its worker from a blob URL.
 * - 'unsafe-eval' only in development, where React rebuilds server error stacks with eval.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries besides the CSP. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // Source and conversation URLs hold ids; they are nobody else's business.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** A downloaded original: an uploaded HTML file opened from it must not run as our origin. */
export const DOWNLOAD_POLICY = "default-src 'none'; sandbox";
const DOWNLOAD_ROUTE = /^\/sources\/[^/]+\/[^/]+\/file\/?$/;

/** Browsers then refuse plain http to this host for a year; sent only over HTTPS, as the spec asks. */
const HSTS = "max-age=31536000; includeSubDomains";

/**
 * HTTPS as the client sees it: the URL, or the scheme a TLS-terminating proxy reports. A client
 * forging the header only earns HSTS on its own response, which costs nobody anything.
 */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return url.protocol === "https:" || forwarded === "https";
}

/** Every response's security headers, by route: the page CSP, or the download's own sandbox. */
export function headersFor(url: URL, requestHeaders: Headers, nonce: string, development = false): Record<string, string> {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": DOWNLOAD_ROUTE.test(url.pathname) ? DOWNLOAD_POLICY : contentSecurityPolicy(nonce, development),
  };
  if (servedOverHttps(url, requestHeaders)) headers["Strict-Transport-Security"] = HSTS;
  // API answers hold what one person may read: no shared cache or history copy may keep them.
  if (url.pathname.startsWith("/api/")) headers["Cache-Control"] = "private, no-store";
  return headers;
}

/** A fresh, unguessable nonce per response (128 random bits). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** A request id sent by a proxy in front (letters, digits, "-", "_", ".", ":"; at most 128), else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
}
