import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrievalTraces } from "@/db/schema";
import { createChatModel } from "../ai/models";
import { answer } from "../chat/answer";
import type { ChatMessage } from "../chat/types";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { readStream, waitForMessages } from "@/testing/answers";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { rewriteByRules, standaloneQuery } from "./rewrite";

const user = (text: string) => ({ role: "user" as const, text });
const assistant = (text: string) => ({ role: "assistant" as const, text });

describe("follow-up questions, rewritten by rules (the built-in model)", () => {
  it("carries the subject of the previous question into a follow-up", () => {
    const history = [user("How many days of annual leave do I get?"), assistant("You get 28 days [1].")];
    expect(rewriteByRules("what about for contractors?", history)).toEqual({ query: "what about for contractors? days annual leave", method: "rules" });
    expect(rewriteByRules("and how many days is that?", [user("What is the parental leave for fathers?")]).query)
      .toBe("and how many days is that? parental leave fathers");
    // An acknowledgement before the continuation: the follow-up still names none of the subject.
    expect(rewriteByRules("ok and for a 90 day supply by mail?", [user("tier 2 copay on the select hmo?")]).query)
      .toBe("ok and for a 90 day supply by mail? tier copay select hmo");
    expect(rewriteByRules("Thanks! What about part-time staff in the Leeds office?", history).method).toBe("rules");
    // A pronoun for a person named before.
    expect(rewriteByRules("How old was she when the company went public?", [user("Who founded Northwind Mutual?")]).query)
      .toBe("How old was she when the company went public? founded northwind mutual");
    // A time before or after something asked about before.
    expect(rewriteByRules("Do I have to come back to work afterwards?", [user("How much paid parental leave do I get?")]).query)
      .toBe("Do I have to come back to work afterwards? paid parental leave");
  });

  it("leaves first questions and questions that stand alone unchanged", () => {
    expect(rewriteByRules("What about contractors?", [])).toEqual({ query: "What about contractors?", method: "none" });
    const history = [user("How many days of annual leave do I get?")];
    expect(rewriteByRules("What is the hotel limit for business travel in Paris?", history).method).toBe("none");
  });
});

describe("follow-up questions, rewritten by an API model", () => {
  let server: http.Server;
  let baseURL: string;
  let reply: { status: number; content: string } = { status: 200, content: "" };
  const prompts: string[] = [];
  beforeAll(async () => {
    // Stands in for an OpenAI-compatible server: POST /v1/chat/completions (not streamed).
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        const body = JSON.parse(raw) as { model: string; messages: { role: string; content: string }[] };
        prompts.push(body.messages.map((m) => m.content).join("\n"));
        if (reply.status !== 200) return void res.writeHead(reply.status).end('{"error":{"message":"down"}}');
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
          id: "c1", object: "chat.completion", created: 1, model: body.model,
          choices: [{ index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const model = () => createChatModel({
    CHAT_MODEL_PROVIDER: "openai-compatible", CHAT_MODEL: "m", OPENAI_COMPATIBLE_BASE_URL: baseURL,
    OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_COMPATIBLE_API_KEY: undefined, BUILTIN_MODEL_DELAY_MS: 0,
  });
  const history = [user("How many days of annual leave do I get?"), assistant("28 days [1].")];

  it("asks the active model with the conversation and uses its standalone query", async () => {
    reply = { status: 200, content: "Annual leave days for contractors\n" };
    expect(await standaloneQuery("what about for contractors?", history, model())).toEqual({ query: "Annual leave days for contractors", method: "model" });
    expect(prompts.at(-1)).toContain("User: How many days of annual leave do I get?");
    expect(prompts.at(-1)).toContain("Latest question: what about for contractors?");
  });

  it("falls back to the rules when the model fails", async () => {
    reply = { status: 500, content: "" };
    const rewrite = await standaloneQuery("what about for contractors?", history, model());
    expect(rewrite).toMatchObject({ query: "what about for contractors? days annual leave", method: "rules", error: expect.any(String) });
  });
});


async function traceOf(conversationId: string, turns: number) {
  const rows = await waitForMessages(conversationId, (r) => r.filter((m) => m.role === "assistant").length >= turns);
  const last = rows.filter((r) => r.role === "assistant")[turns - 1]!;
  return (await db().select().from(retrievalTraces).where(eq(retrievalTraces.messageId, last.id)))[0]!;
}

describe("a follow-up through the chat, with the built-in model", () => {
  it("retrieves for the rewritten question and stores the rewrite in the trace", async () => {
    const admin = await createTestUser("admin");
    const word = `zq${randomUUID().slice(0, 6)}`;
    const upload = await acceptUpload({
      filename: `${word}-leave.md`,
      bytes: Buffer.from(`# ${word} leave\n\n## Employees\nEmployees receive 31 days of ${word} leave per year.\n\n## Contractors\nContractors get no paid days of ${word} leave; their contract sets their time off.\n`),
      uploadedBy: admin.id,
    });
    // Without the rewrite, "contractors" alone would find this one first.
    const travel = await acceptUpload({
      filename: `${word}-travel.md`,
      bytes: Buffer.from(`# Travel\n\n## Contractors\nContractors book travel through their agency; contractors' agencies bill contractors' trips.\n`),
      uploadedBy: admin.id,
    });
    await drainQueue();
    const employee = await createTestUser("employee");
    const conversationId = randomUUID();
    // `alone`, as a client that wrongly calls every question its conversation's first would send:
    // the follow-up is still searched for as rewritten from the stored history.
    const ask = async (text: string) => {
      const message: ChatMessage = { id: randomUUID(), role: "user", parts: [{ type: "text", text }] };
      const chunks = await readStream(await answer({ user: employee, conversationId, message, alone: true }));
      return chunks.find((c) => c.type === "data-sources")!.data as { documentId: string; headingPath: string[] }[];
    };

    await ask(`How many days of ${word} leave do I get?`);
    expect((await traceOf(conversationId, 1)).rewrittenQuery).toBeNull();

    const sources = await ask("what about for contractors?");
    const trace = await traceOf(conversationId, 2);
    expect(trace.query).toBe("what about for contractors?");
    expect(trace.rewrittenQuery).toBe(`what about for contractors? days ${word} leave`);
    // Among this test's two documents (the shared test database holds others, e.g. the sample leave policy).
    const own = sources.filter((s) => s.documentId === upload.documentId || s.documentId === travel.documentId);
    expect(own[0]).toMatchObject({ documentId: upload.documentId, headingPath: expect.arrayContaining(["Contractors"]) });
  });
});
