import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { stopOnceAnswered } from "./stop-once-answered";

/** A server that reads each request's body, then answers after `delayMs` with a stream it keeps open. */
async function slowServer(delayMs: number | null) {
  const seen: { body: string; closedEarly: boolean }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const entry = { body, closedEarly: false };
      seen.push(entry);
      res.on("close", () => (entry.closedEarly = !res.writableEnded));
      if (delayMs === null) return;
      setTimeout(() => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("first words");
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, seen, close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

describe("stopOnceAnswered", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it("a stop before the response has begun still delivers the question, and cancels the request once the server answers", async () => {
    const server = await slowServer(150);
    close = server.close;
    const stop = new AbortController();
    const pending = stopOnceAnswered()(server.url, { method: "POST", body: "the question", signal: stop.signal });
    stop.abort();
    const response = await pending;
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toMatchObject({ name: "AbortError" });
    expect(server.seen.map((s) => s.body)).toEqual(["the question"]);
    // The server saw the request go away mid-answer: what it stores for a stopped turn.
    await expect.poll(() => server.seen[0]!.closedEarly).toBe(true);
  });

  // The chat library awaits only settled promises between showing Stop and calling fetch, so no
  // click or key can fall between them; were one to, the signal arrives already stopped.
  it("a signal already stopped when the request is made still delivers the question, and gives up on a silent server", async () => {
    const server = await slowServer(null);
    close = server.close;
    const stop = new AbortController();
    stop.abort();
    await expect(stopOnceAnswered(100)(server.url, { method: "POST", body: "the question", signal: stop.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(server.seen.map((s) => s.body)).toEqual(["the question"]);
  });

  it("a stop after the response has begun cancels at once", async () => {
    const server = await slowServer(0);
    close = server.close;
    const stop = new AbortController();
    const response = await stopOnceAnswered()(server.url, { method: "POST", body: "q", signal: stop.signal });
    const reading = response.text();
    stop.abort();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    await expect.poll(() => server.seen[0]?.closedEarly).toBe(true);
  });

  it("gives up on a server that never answers, so a stop always ends", async () => {
    const server = await slowServer(null);
    close = server.close;
    const stop = new AbortController();
    const pending = stopOnceAnswered(100)(server.url, { method: "POST", body: "q", signal: stop.signal });
    stop.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(server.seen).toHaveLength(1);
  });

  it("does not touch a request that is never stopped", async () => {
    const server = await slowServer(0);
    close = server.close;
    const response = await stopOnceAnswered()(server.url, { method: "POST", body: "q", signal: new AbortController().signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first words");
    expect(server.seen[0]!.closedEarly).toBe(false);
    await reader.cancel();
  });
});
