import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "../auth/credentials";
import { addressMatcher, isAddressOrRange } from "./address-ranges";
import { clientAddress } from "./client-address";
import { stampPeerAddresses } from "./peer-address";

/** A real server with the peer stamp installed, answering with the headers its handler saw. */
let base: string;
let server: http.Server;
beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The headers a request with `sent` arrives with, as the app's handlers see them. */
function arriving(sent: Record<string, string>, localAddress = "127.0.0.1"): Promise<Headers> {
  return new Promise((resolve, reject) => {
    const request = http.get(base, { headers: sent, localAddress }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(new Headers(JSON.parse(body) as Record<string, string>)));
    });
    request.on("error", reject);
  });
}

describe("the address the per-address limits key on", () => {
  it("without TRUSTED_PROXIES a forged X-Forwarded-For (or a forged stamp) is ignored: the socket's address counts", async () => {
    const headers = await arriving({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.8", "x-groundwork-peer": "203.0.113.7" });
    expect(clientAddress(headers, [])).toBe("127.0.0.1");
  });

  it("from a trusted proxy, the right-most address that is not itself a trusted proxy counts", async () => {
    expect(clientAddress(await arriving({ "x-forwarded-for": "203.0.113.9" }), ["127.0.0.1"])).toBe("203.0.113.9");
    // What the client prepended itself stays to the left of what the proxies appended.
    const chain = await arriving({ "x-forwarded-for": "198.51.100.66, 203.0.113.9, 10.1.2.3" });
    expect(clientAddress(chain, ["127.0.0.0/8", "10.0.0.0/8"])).toBe("203.0.113.9");
    // A trusted proxy that forwards no header: the proxy itself is the client.
    expect(clientAddress(await arriving({}), ["127.0.0.1"])).toBe("127.0.0.1");
    // A proxy not in the list is not believed.
    expect(clientAddress(await arriving({ "x-forwarded-for": "203.0.113.9" }), ["10.0.0.0/8"])).toBe("127.0.0.1");
  });

  it("with no stamp (a process the hook did not reach) everyone shares one key rather than trusting a header", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), ["0.0.0.0/0"])).toBe("unknown");
  });

  it("rotating X-Forwarded-For does not escape the per-address slow-down unless the proxy is trusted", async () => {
    const policy = (freeFailures: number) => ({ freeFailures, baseMs: 60_000, maxMs: 60_000, forgetSeconds: 3600 });
    // Connecting from a loopback address of its own (all of 127.0.0.0/8 is loopback), so no other test shares its key.
    const from = `127.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
    const guess = async (trusted: string[]) => {
      const headers = await arriving({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` }, from);
      const email = `nobody-${randomUUID()}@example.com`;
      return checkCredentials({ email, password: "a guess" }, clientAddress(headers, trusted), { account: policy(1000), address: policy(2) });
    };
    const ignored = [];
    for (let i = 0; i < 4; i++) ignored.push(await guess([]));
    expect(ignored.map((o) => "retryAfterMs" in o)).toEqual([false, false, false, true]);
    const honoured = [];
    for (let i = 0; i < 4; i++) honoured.push(await guess(["127.0.0.0/8"]));
    expect(honoured.some((o) => "retryAfterMs" in o)).toBe(false);
  });

  it("matches addresses and ranges of both families, IPv4-mapped IPv6 included, and refuses what is neither", () => {
    const trusted = addressMatcher(["10.0.0.0/8", "192.0.2.1", "2001:db8::/32"]);
    expect(["10.200.3.4", "192.0.2.1", "::ffff:10.0.0.1", "2001:db8::5"].every(trusted)).toBe(true);
    expect(["11.0.0.1", "192.0.2.2", "2001:db9::1", "unknown", ""].some(trusted)).toBe(false);
    expect(["10.0.0.0/8", "::1", "fd00::/8", "127.0.0.1"].every(isAddressOrRange)).toBe(true);
    expect(["10.0.0.0/33", "proxy.internal", "10.0.0.0/x", ""].some(isAddressOrRange)).toBe(false);
  });
});
