import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startOpenAIServer } from "@/testing/openai-server";
import { testConnection } from "./connection-test";

/** A server that refuses every request as OpenAI does a wrong key (its documented error body). */
async function refusingServer() {
  const server = http.createServer((_, res) => {
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "Incorrect API key provided: sk-wrong.", type: "invalid_request_error", code: "invalid_api_key" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => new Promise((r) => server.close(r)) };
}

describe("testConnection", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => Promise.all(closers.map((c) => c())));

  it("sends one short request and returns what the model replied", async () => {
    const model = await startOpenAIServer(() => "I am ready.");
    closers.push(model.close);
    const result = await testConnection({ provider: "openai-compatible", model: "llama3.1:8b", baseUrl: model.baseURL });
    expect(result).toMatchObject({ ok: true, reply: "I am ready." });
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]!.model).toBe("llama3.1:8b");
  });

  it("gives the provider's own error, with its status and address, for a refused key", async () => {
    const refusing = await refusingServer();
    closers.push(refusing.close);
    const result = await testConnection({ provider: "openai-compatible", model: "gpt-4.1-mini", baseUrl: refusing.url });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("Incorrect API key provided");
    expect(result.error).toContain(`HTTP 401 from ${refusing.url}/chat/completions`);
  });

  it("says the server cannot be reached when nothing listens at the address", async () => {
    const closed = await refusingServer();
    await closed.close(); // the port is free again: nothing answers there
    const result = await testConnection({ provider: "openai-compatible", model: "m", baseUrl: closed.url });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Cannot connect to API") });
  });
});
