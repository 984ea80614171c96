import { env } from "../env";
import { addressMatcher, normalizeAddress } from "./address-ranges";

/**
 * The connection's own address, stamped on every request by peer-address.ts. Next.js itself only
 * fills X-Forwarded-For with it when the client sent none, so that header alone cannot tell a
 * proxy's word from a client's lie.
 */
export const PEER_HEADER = "x-groundwork-peer";

// Built once per list (the environment's is one array for the process), not on every request.
const matchers = new WeakMap<string[], (address: string) => boolean>();
function matcherFor(entries: string[]) {
  let matcher = matchers.get(entries);
  if (!matcher) matchers.set(entries, (matcher = addressMatcher(entries)));
  return matcher;
}

/**
 * The address the per-address limits key on. X-Forwarded-For is read only when the connection
 * comes from a trusted proxy (TRUSTED_PROXIES), and then from the right: the first entry that is
 * not itself a trusted proxy is the one the outermost trusted proxy saw; what lies left of it is
 * whatever the client chose to send. Without the stamp (a process the hook did not reach) every
 * request shares one key: slower for everyone, but never a limit that a forged header escapes.
 */
export function clientAddress(headers: Headers, trustedProxies: string[] = env().TRUSTED_PROXIES): string {
  const peer = headers.get(PEER_HEADER);
  if (!peer) return "unknown";
  const trusted = matcherFor(trustedProxies);
  if (!trusted(peer)) return normalizeAddress(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const hops = [...forwarded, peer];
  const client = hops.findLast((hop) => !trusted(hop)) ?? hops[0]!;
  return normalizeAddress(client);
}
