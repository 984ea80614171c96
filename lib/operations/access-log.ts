import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "../log";

const started = new WeakMap<IncomingMessage, number>();
let installed = false;

/**
 * One log line per request when its response has been sent (an answer's stream included): the
 * request id proxy.ts gave it, method, path (without the query, which may carry search terms),
 * status and milliseconds. Node publishes these channels around every request its HTTP server
 * handles, so the line is written whatever route, proxy redirect or static file served it.
 * Next's own build assets are left out: immutable, and dozens per page.
 */
export function logRequests() {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    started.set((message as { request: IncomingMessage }).request, performance.now());
  });
  subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const path = (request.url ?? "").split("?")[0]!;
    if (path.startsWith("/_next/static/")) return;
    const since = started.get(request);
    log().info({
      requestId: response.getHeader("x-request-id"),
      method: request.method,
      path,
      status: response.statusCode,
      ms: since === undefined ? undefined : Math.round(performance.now() - since),
    }, "request");
  });
}
