import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../log";
import { logRequests } from "./access-log";

const lines: Record<string, unknown>[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  // The process's logger, writing where the test can read it.
  (globalThis as { groundworkLog?: unknown }).groundworkLog = createLogger(
    new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(JSON.parse(chunk.toString())); done(); } }),
  );
  logRequests();
  server = http.createServer((request, response) => {
    response.setHeader("X-Request-Id", "req-123");
    response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
    response.write("first part, ");
    setTimeout(() => response.end("then the rest"), 30); // a streamed answer: logged when it ends
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  delete (globalThis as { groundworkLog?: unknown }).groundworkLog;
});

// This server's requests: Node publishes every HTTP server's requests in the process, and the unit
// tests share one process with other files' servers.
const requestLines = () => lines.filter((l) => l.msg === "request" && l.requestId === "req-123");

describe("the access log", () => {
  it("writes one line per request once its response has ended: id, method, path without the query, status, time", async () => {
    expect(await (await fetch(`${base}/api/chat?q=my+salary`, { method: "POST" })).text()).toBe("first part, then the rest");
    await (await fetch(`${base}/missing`)).text();
    await expect.poll(() => requestLines().length).toBe(2);
    const [chat, missing] = requestLines();
    expect(chat).toMatchObject({ level: "info", requestId: "req-123", method: "POST", path: "/api/chat", status: 200 });
    expect(chat!.ms).toBeGreaterThanOrEqual(25);
    expect(JSON.stringify(chat)).not.toContain("salary");
    expect(missing).toMatchObject({ method: "GET", path: "/missing", status: 404 });
  });

  it("leaves out Next's immutable build assets", async () => {
    const before = requestLines().length;
    await (await fetch(`${base}/_next/static/chunks/app.js`)).text();
    await (await fetch(`${base}/login`)).text();
    await expect.poll(() => requestLines().length).toBe(before + 1);
    expect(requestLines().at(-1)).toMatchObject({ path: "/login" });
  });
});
