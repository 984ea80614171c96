import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { dataBytes, sharedBuffersFor, startEmbeddedServer, type EmbeddedServer } from "./embedded-server";

const MB = 1024 ** 2;
const GB = 1024 ** 3;

async function sharedBuffers(server: EmbeddedServer): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<{ shared_buffers: string }>("SHOW shared_buffers")).rows[0]!.shared_buffers;
  } finally {
    await client.end();
  }
}

describe("the embedded database's buffer cache", () => {
  let server: EmbeddedServer | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is as large as the data, between 128 MB and 1 GB, and at most a quarter of the memory", () => {
    expect(sharedBuffersFor(0, 16 * GB)).toBe(128);
    expect(sharedBuffersFor(50 * MB, 16 * GB)).toBe(128);
    expect(sharedBuffersFor(300 * MB, 16 * GB)).toBe(300);
    expect(sharedBuffersFor(5 * GB, 16 * GB)).toBe(1024);
    expect(sharedBuffersFor(5 * GB, 2 * GB)).toBe(512);
    expect(sharedBuffersFor(5 * GB, 256 * MB)).toBe(128);
  });

  it("starts small for a new data directory and grows with the data at the next start", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-cache-"));
    dirs.push(dir);
    server = await startEmbeddedServer(path.join(dir, "pglite"));
    expect(await sharedBuffers(server)).toBe("128MB");

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    // About 200 MB of rows (each under the 2 kB at which PostgreSQL would compress it).
    await client.query(`CREATE TABLE filler AS SELECT g, repeat(md5(g::text), 40) AS text FROM generate_series(1, 130000) g`);
    await client.query("CHECKPOINT");
    await client.end();
    await server.stop();

    const bytes = dataBytes(path.join(dir, "pglite"));
    expect(bytes).toBeGreaterThan(200 * MB);
    server = await startEmbeddedServer(path.join(dir, "pglite"));
    expect(await sharedBuffers(server)).toBe(`${sharedBuffersFor(bytes)}MB`);
  }, 120_000);

  it("takes an explicit size", async () => {
    server = await startEmbeddedServer(null, 0, 160);
    expect(await sharedBuffers(server)).toBe("160MB");
  });
});
