import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { createDatabase } from "./client";

describe("createDatabase", () => {
  it("a checked-out client whose connection dies fails its query without crashing the process", async () => {
    const { pool } = createDatabase(process.env.DATABASE_URL!, { onError: () => {} });
    const client = await pool.connect();
    try {
      await client.query("SELECT 1");
      // The network drops under a client in use (node-postgres's own socket, closed from our side).
      const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
      const ended = new Promise((resolve) => socket.once("close", resolve));
      socket.destroy();
      await ended;
      await expect(client.query("SELECT 1")).rejects.toThrow();
    } finally {
      client.release(true);
      await pool.end();
    }
  });
});
