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

/** A fresh, unguessable nonce per response (128 random bits). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
