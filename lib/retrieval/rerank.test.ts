import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { askerOf } from "../auth/user";
import { acceptUpload } from "../ingest/upload";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { httpReranker, setReranker } from "./rerank";
import { retrieve } from "./retrieve";

/**
 * A stand-in for a paid rerank API, written against the contract Cohere (/v2/rerank) and Jina
 * (/v1/rerank) document: POST {model, query, documents, top_n} -> {results: [{index, relevance_score}]}.
 * It scores a document by whether it contains the word "authoritative", so the test knows which
 * order a working reranker must produce. `mode` makes it fail in the ways real services do.
 */
let mode: "ok" | "error" | "slow" | "garbage" = "ok";
const received: { url: string; authorization?: string; body: { model: string; query: string; documents: string[]; top_n: number } }[] = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = JSON.parse(raw);
      received.push({ url: req.url ?? "", authorization: req.headers.authorization, body });
      if (req.url !== "/v1/rerank" || mode === "error") return void res.writeHead(503).end('{"message":"overloaded"}');
      if (mode === "slow") return void setTimeout(() => res.writeHead(200).end("{}"), 2000);
      if (mode === "garbage") return void res.writeHead(200, { "content-type": "application/json" }).end('{"unexpected":true}');
      const results = (body.documents as string[])
        .map((text, index) => ({ index, relevance_score: text.includes("authoritative") ? 0.9 : 0.1 / (index + 1) }))
        .sort((a, b) => b.relevance_score - a.relevance_score)
        .slice(0, body.top_n);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "r1", results, meta: {} }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterEach(() => {
  mode = "ok";
  setReranker(undefined);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function corpus() {
  const admin = await createTestUser("admin");
  const word = `zq${randomUUID().slice(0, 6)}`;
  // The keyword leg ranks the section repeating the question's words first; only the last one is
  // marked as the answer the reranker prefers.
  const text = `# ${word} Reimbursement Guide

## Overview of ${word} claims
${word} claims ${word} claims: how ${word} claims are filed, and ${word} claims in general.

## Deadlines
Submit ${word} claims within thirty days.

## Final rule
The authoritative ${word} rule: claims above 500 euros need the finance director's signature.
`;
  const upload = await acceptUpload({ filename: `${word}.md`, bytes: Buffer.from(text), uploadedBy: admin.id });
  await drainQueue();
  return { word, documentId: upload.documentId, employee: await createTestUser("employee") };
}

describe("rerank stage over the rerank API contract", () => {
  it("reorders the fused candidates by the reranker's scores, sending the query and the candidates' texts", async () => {
    const { word, documentId, employee } = await corpus();
    const question = `How are ${word} claims handled?`;
    const fused = await retrieve(askerOf(employee), question);
    expect(fused.rerank).toBeUndefined();
    expect(fused.sources[0]!.text).not.toContain("authoritative");

    setReranker(httpReranker({ baseUrl, model: "rerank-v3.5", apiKey: "secret", timeoutMs: 1000 }));
    const reranked = await retrieve(askerOf(employee), question);
    expect(reranked.rerank).toEqual({ model: "http:rerank-v3.5" });
    expect(reranked.sources[0]).toMatchObject({ documentId, rerankScore: 0.9, n: 1 });
    expect(reranked.sources[0]!.text).toContain("authoritative");
    expect(reranked.sources.map((s) => s.rerankScore)).toEqual([...reranked.sources.map((s) => s.rerankScore!)].sort((a, b) => b - a));

    const request = received.at(-1)!;
    expect(request).toMatchObject({ url: "/v1/rerank", authorization: "Bearer secret", body: { model: "rerank-v3.5", query: question } });
    expect(request.body.documents.length).toBeGreaterThanOrEqual(reranked.sources.length);
    expect(request.body.top_n).toBe(request.body.documents.length);
  });

  it.each(["error", "slow", "garbage"] as const)("keeps the fused order and records the failure when the reranker fails (%s)", async (failure) => {
    const { word, employee } = await corpus();
    const question = `How are ${word} claims handled?`;
    const fused = await retrieve(askerOf(employee), question);
    setReranker(httpReranker({ baseUrl, model: "rerank-v3.5", timeoutMs: 500 }));
    mode = failure;
    const result = await retrieve(askerOf(employee), question);
    expect(result.sources.map((s) => s.chunkId)).toEqual(fused.sources.map((s) => s.chunkId));
    expect(result.sources.every((s) => s.rerankScore === null)).toBe(true);
    expect(result.rerank).toMatchObject({ model: "http:rerank-v3.5", error: expect.any(String) });
    expect(result.rerank!.error).toMatch({ error: /HTTP 503/, slow: /abort|timeout/i, garbage: /without a results list/ }[failure]);
  });
});
