import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { PEER_HEADER } from "./client-address";

let installed = false;

/**
 * Stamps each incoming request with its connection's address, overwriting any header of that name
 * the client sent. Node publishes this channel before the server's request handler runs, so
 * Next.js and everything after it see the stamp (instrumentation.ts installs it at server start).
 */
export function stampPeerAddresses() {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  });
}
