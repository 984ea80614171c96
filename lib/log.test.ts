import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError, toErrorResponse } from "./errors";
import { createLogger } from "./log";
import { requestIdFrom } from "./security/headers";

/** What the logger wrote, one parsed JSON object per line. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger(stream) };
}

describe("structured logs", () => {
  it("are one JSON object per line with an ISO time, a named level, the message and the fields given", async () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error("disk full"), requestId: "req-1" }, "request failed");
    logger.debug("not at the default level");
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", msg: "request failed", requestId: "req-1", service: "groundwork", err: { message: "disk full", type: "Error" } });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it("an unexpected failure in a route handler is logged with the request's id and answered without internals", async () => {
    const { lines, logger } = capture();
    const holder = globalThis as unknown as { groundworkLog?: unknown };
    const before = holder.groundworkLog;
    holder.groundworkLog = logger;
    try {
      const request = new Request("http://localhost/api/chat", { headers: { "x-request-id": "abc-123" } });
      const response = toErrorResponse(new Error("connection terminated"), request);
      expect(response.status).toBe(503);
      expect(JSON.stringify(await response.json())).not.toContain("connection terminated");
      // A refusal the product raises on purpose is the person's to read, not an operator's problem.
      expect(toErrorResponse(new AppError("not_found", "No such conversation."), request).status).toBe(404);
      await new Promise((r) => setImmediate(r));
      expect(lines).toEqual([expect.objectContaining({ level: "error", msg: "request failed", requestId: "abc-123", path: "/api/chat", err: expect.objectContaining({ message: "connection terminated" }) })]);
    } finally {
      holder.groundworkLog = before;
    }
  });

  it("request ids: a sane one from a proxy in front is kept, anything else replaced by a new one", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "lb-7f3a:42" }))).toBe("lb-7f3a:42");
    for (const bad of ["", "has spaces", "<script>", "x".repeat(129)]) {
      const id = requestIdFrom(new Headers({ "x-request-id": bad }));
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });
});
