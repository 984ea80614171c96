import http from "node:http";
import type { AddressInfo } from "node:net";
import { streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder } from "../embeddings";
import { createChatModel } from "./models";
import { buildSystemPrompt } from "./prompt";

/**
 * A stand-in for a paid or self-hosted model server, written against OpenAI's documented HTTP
 * contract (POST /v1/chat/completions streamed as server-sent events, POST /v1/embeddings),
 * which vLLM, Ollama and TEI implement too.
 */
interface Received {
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

let server: http.Server;
let baseURL: string;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
      if (req.url === "/v1/chat/completions") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        const chunk = (delta: Record<string, unknown>, finish: string | null) =>
          `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
        res.write(chunk({ role: "assistant", content: "" }, null));
        for (const piece of ["The per diem ", "is 60 euros ", "[1]."]) res.write(chunk({ content: piece }, null));
        res.write(chunk({}, "stop"));
        res.end("data: [DONE]\n\n");
      } else if (req.url === "/v1/embeddings") {
        const input = body.input as string[];
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({
          object: "list",
          data: input.map((text, index) => ({ object: "embedding", index, embedding: [text.length, 1, 0] })),
          model: body.model,
          usage: { prompt_tokens: 2, total_tokens: 2 },
        }));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const noKeys = { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_COMPATIBLE_API_KEY: undefined, BUILTIN_MODEL_DELAY_MS: 0 };
const sources = [{ n: 1, title: "Travel Policy", headingPath: ["Per Diem"], text: "The per diem is 60 euros per day." }];

async function ask(model: ReturnType<typeof createChatModel>) {
  const result = streamText({ model: model.model, instructions: buildSystemPrompt(sources), messages: [{ role: "user", content: "What is the per diem?" }] });
  let text = "";
  let deltas = 0;
  for await (const delta of result.textStream) {
    text += delta;
    deltas++;
  }
  return { text, deltas, request: received.at(-1)! };
}

describe("model providers over their HTTP contract", () => {
  it("streams from an OpenAI-compatible server (e.g. a LoRA fine-tune on vLLM) with the sources in the system message", async () => {
    const model = createChatModel({ ...noKeys, CHAT_MODEL_PROVIDER: "openai-compatible", CHAT_MODEL: "policy-lora", OPENAI_COMPATIBLE_BASE_URL: baseURL });
    expect(model.id).toBe("openai-compatible:policy-lora");
    const { text, deltas, request } = await ask(model);
    expect(text).toBe("The per diem is 60 euros [1].");
    expect(deltas).toBeGreaterThan(1);
    expect(request.body).toMatchObject({ model: "policy-lora", stream: true });
    const messages = request.body.messages as { role: string; content: string }[];
    expect(messages[0]!.role).toBe("system");
    expect(messages[0]!.content).toContain('<source id="1" title="Travel Policy" section="Per Diem">');
    expect(messages.at(-1)).toMatchObject({ role: "user", content: "What is the per diem?" });
  });

  it("addresses an OpenAI fine-tune by its ft: id, with the API key", async () => {
    const model = createChatModel({ ...noKeys, CHAT_MODEL_PROVIDER: "openai", CHAT_MODEL: "ft:gpt-4o-mini:acme::abc123", OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: baseURL, OPENAI_COMPATIBLE_BASE_URL: undefined });
    const { text, request } = await ask(model);
    expect(text).toContain("60 euros");
    expect(request.body.model).toBe("ft:gpt-4o-mini:acme::abc123");
    expect(request.authorization).toBe("Bearer sk-test");
  });

  it("embeds through an OpenAI-compatible embeddings endpoint (Ollama, TEI)", async () => {
    const embedder = createEmbedder({ ...noKeys, EMBEDDING_PROVIDER: "openai-compatible", EMBEDDING_MODEL: "nomic-embed-text", EMBEDDING_DIMENSIONS: 3, OPENAI_COMPATIBLE_BASE_URL: baseURL });
    expect(embedder.id).toBe("openai-compatible:nomic-embed-text:3");
    expect(await embedder.embed(["abc", "hello"])).toEqual([[3, 1, 0], [5, 1, 0]]);
    expect(received.at(-1)).toMatchObject({ path: "/v1/embeddings", body: { model: "nomic-embed-text", input: ["abc", "hello"] } });
  });

  it("refuses a provider configuration that cannot work, with a message naming the missing variables", () => {
    expect(() => createChatModel({ ...noKeys, CHAT_MODEL_PROVIDER: "openai-compatible", CHAT_MODEL: undefined, OPENAI_COMPATIBLE_BASE_URL: undefined })).toThrow(/OPENAI_COMPATIBLE_BASE_URL and CHAT_MODEL/);
    expect(() => createEmbedder({ ...noKeys, EMBEDDING_PROVIDER: "openai", EMBEDDING_MODEL: undefined, EMBEDDING_DIMENSIONS: undefined, OPENAI_COMPATIBLE_BASE_URL: undefined })).toThrow(/EMBEDDING_MODEL and EMBEDDING_DIMENSIONS/);
  });
});
