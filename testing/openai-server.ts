import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for a paid or self-hosted model server, written against OpenAI's documented chat
 * completions contract (POST /v1/chat/completions, streamed as server-sent events or not), which
 * vLLM, Ollama and LM Studio implement too. `reply` decides the answer from the request.
 */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
}

export async function startOpenAIServer(reply: (request: ChatRequest) => string) {
  const requests: ChatRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.url !== "/v1/chat/completions") return void res.writeHead(404).end();
      const body = JSON.parse(raw) as ChatRequest;
      requests.push(body);
      const text = reply(body);
      const base = { id: "chatcmpl-1", created: 1, model: body.model };
      if (!body.stream) {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = (delta: Record<string, unknown>, finish: string | null) =>
        `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: "assistant", content: "" }, null));
      for (const piece of text.match(/\S+\s*/g) ?? []) res.write(chunk({ content: piece }, null));
      res.write(chunk({}, "stop"));
      res.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The user's last message in a request. */
export function lastUserMessage(request: ChatRequest): string {
  return [...request.messages].reverse().find((m) => m.role === "user")?.content ?? "";
}
