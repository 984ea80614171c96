import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, stopProcess } from "../testing/processes";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";
import { startProductionApp } from "./support/production-app";

/*
 * OpenTelemetry, end to end: the production build started with the standard OTEL_* variables
 * pointing at a collector that speaks OTLP over HTTP with JSON (this test's stand-in, written to
 * the protocol's documented shape), and one question asked in the browser. The chat path must
 * arrive as one trace: the request, retrieval and its legs, the model call and persistence, with
 * none of the question's text in any span.
 */

interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: { key: string; value: Record<string, unknown> }[] }
interface OtlpExport { resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] }

const QUESTION = "Is the zebra-striped parking permit refundable?";
const SETUP_TOKEN = "tracing-setup-token-not-for-production";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-tracing-"));
const exports: OtlpExport[] = [];
let collector: http.Server;
let app: ChildProcess;
let origin = "";

test.beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces" && req.headers["content-type"]?.startsWith("application/json")) exports.push(JSON.parse(body) as OtlpExport);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  const collectorPort = await freePort();
  await new Promise<void>((resolve) => collector.listen(collectorPort, "127.0.0.1", resolve));

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = await startProductionApp({
    port, dataDir, readyAt: origin,
    env: {
      AUTH_SECRET: "tracing-secret-not-for-production", AUTH_URL: origin, SETUP_TOKEN,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_BSP_SCHEDULE_DELAY: "200",
    },
  });
});

test.afterAll(async () => {
  await stopProcess(app);
  collector.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("with OTEL_* set, a question's chat path arrives at the collector as one trace, without the question's text", async ({ page }) => {
  test.setTimeout(240_000);
  await new AuthPages(page).setUpAdministrator(origin, SETUP_TOKEN, { name: "Tracy Traces", email: "tracy@example.com", password: "tracing admin password" });
  await page.goto(`${origin}/`);
  await new ChatPage(page).ask(QUESTION);

  const spans = () => exports.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
  const named = (name: string | RegExp) => spans().find((s) => (typeof name === "string" ? s.name === name : name.test(s.name)));
  await expect.poll(() => ["retrieval", "retrieval.keyword", "retrieval.vector", "chat.rewrite", "chat.persist"].filter((n) => !named(n)), { timeout: 30_000 }).toEqual([]);
  await expect.poll(() => Boolean(named(/^chat /)), { timeout: 30_000 }).toBe(true); // the AI SDK's model call

  // One trace: retrieval, the model call and the request that carried the question.
  const retrieval = named("retrieval")!;
  expect(named(/^chat /)!.traceId).toBe(retrieval.traceId);
  const trace = spans().filter((s) => s.traceId === retrieval.traceId);
  expect(trace.some((s) => /POST.*\/api\/chat/.test(s.name) || s.attributes?.some((a) => a.key === "http.route" && a.value.stringValue === "/api/chat"))).toBe(true);
  expect(spans().find((s) => s.name === "retrieval.keyword")!.parentSpanId).toBe(retrieval.spanId);

  const services = exports.flatMap((e) => e.resourceSpans.map((r) => r.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue));
  expect(new Set(services)).toEqual(new Set(["groundwork"]));
  expect(JSON.stringify(exports)).not.toContain("zebra-striped");
});
