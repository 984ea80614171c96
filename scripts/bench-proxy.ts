/**
 * `npm run bench:proxy [-- --runs N --requests M]`: what the proxy (proxy.ts) costs a request, in
 * the process, without a server: a signed-in chat request, whose session cookie Auth.js decodes and
 * re-issues, against a request to Auth.js's own routes, which gets the security headers only.
 * Prints the median and p90 of each per run, and the medians over the runs.
 */
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

const { values } = parseArgs({ options: { runs: { type: "string" }, requests: { type: "string" } } });
const runs = Number(values.runs ?? 5);
const requests = Number(values.requests ?? 300);
process.env.AUTH_SECRET ??= "bench-proxy-secret-bench-proxy-secret-0123";
const { proxy } = await import("../proxy");

// The cookie's name depends on whether Auth.js sees a secure origin; send it under both names.
const claims = { sub: "bench-user", sv: 0, signedInAt: Math.floor(Date.now() / 1000), email: "bench@example.com" };
const names = ["authjs.session-token", "__Secure-authjs.session-token"];
const cookie = (await Promise.all(names.map(async (salt) => `${salt}=${await encode({ secret: process.env.AUTH_SECRET!, salt, token: claims })}`))).join("; ");

function request(path: string) {
  return new NextRequest(new URL(path, "http://localhost:3000"), { method: "POST", headers: { cookie, "content-type": "application/json" } });
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]!;

async function timed(path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await proxy(request(path));
    times.push(performance.now() - start);
  }
  return times;
}

// A renewal must actually happen, or the figure measures nothing.
const first = await proxy(request("/api/chat"));
const renewed = first instanceof Response && first.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c));
if (!renewed) throw new Error("The proxy did not renew the session cookie: the benchmark's token was not accepted.");

const renewing: number[] = [];
const plain: number[] = [];
for (let run = 1; run <= runs; run++) {
  const withRenewal = await timed("/api/chat");
  const without = await timed("/api/auth/session");
  renewing.push(quantile(withRenewal, 0.5));
  plain.push(quantile(without, 0.5));
  console.log(`run ${run}: renewing p50 ${quantile(withRenewal, 0.5).toFixed(2)} ms, p90 ${quantile(withRenewal, 0.9).toFixed(2)} ms; headers only p50 ${quantile(without, 0.5).toFixed(2)} ms, p90 ${quantile(without, 0.9).toFixed(2)} ms`);
}
console.log(`median over ${runs} runs of ${requests} requests: renewing ${quantile(renewing, 0.5).toFixed(2)} ms, headers only ${quantile(plain, 0.5).toFixed(2)} ms`);
