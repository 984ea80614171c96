import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded-server";

describe("the embedded database served to many clients", () => {
  let server: EmbeddedServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    server = await startEmbeddedServer(null);
    pool = new pg.Pool({ connectionString: server.url, max: 10 });
    await pool.query("CREATE TABLE items (id int PRIMARY KEY, label text)");
    await pool.query("INSERT INTO items SELECT i, 'item ' || i FROM generate_series(1, 50) i");
  });
  afterAll(async () => {
    await pool.end();
    await server.stop();
  });

  it("answers every concurrent parameterized query with its own rows, while transactions run beside them", async () => {
    let wrong = 0;
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 400; i++) {
      const id = (i % 50) + 1;
      work.push(pool.query("SELECT label FROM items WHERE id = $1", [id]).then((r) => r.rows[0]?.label !== `item ${id}` && wrong++));
      if (i % 10 === 0) {
        work.push(
          (async () => {
            const client = await pool.connect();
            try {
              await client.query("BEGIN");
              await client.query("UPDATE items SET label = label WHERE id = $1", [id]);
              await client.query("COMMIT");
            } finally {
              client.release();
            }
          })(),
        );
      }
    }
    await Promise.all(work);
    expect(wrong).toBe(0);
  });

  it("delivers a result far larger than the socket's buffers intact, to a reader that is slower than the database", async () => {
    // PGlite hands over each piece of output in memory it reuses; a socket that cannot send at once
    // keeps what it was given, so the bytes must be copied (seen: a 100k-row result became garbage).
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const result = client.query("SELECT i, md5(i::text) AS h FROM generate_series(1, 200000) i");
      client.connection.stream.pause();
      await new Promise((r) => setTimeout(r, 200));
      client.connection.stream.resume();
      const { rows } = await result;
      expect(rows).toHaveLength(200_000);
      const { createHash } = await import("node:crypto");
      const wrong = rows.filter((r: { i: number; h: string }) => r.h !== createHash("md5").update(String(r.i)).digest("hex"));
      expect(wrong).toHaveLength(0);
    } finally {
      await client.end();
    }
  });

  it("keeps an open transaction's uncommitted rows from other clients, and rolls back a client that disconnects", async () => {
    const a = new pg.Client({ connectionString: server.url });
    await a.connect();
    await a.query("BEGIN");
    await a.query("INSERT INTO items VALUES (1001, 'uncommitted')");
    const other = pool.query("SELECT count(*)::int AS n FROM items WHERE id = 1001");
    await new Promise((r) => setTimeout(r, 50));
    await a.end(); // gone mid-transaction
    expect((await other).rows[0].n).toBe(0);
    expect((await pool.query("SELECT count(*)::int AS n FROM items WHERE id = 1001")).rows[0].n).toBe(0);
  });
});
