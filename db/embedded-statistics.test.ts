import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded-server";
import { analyzeStaleTables } from "./embedded-statistics";

/** PGlite has no autovacuum: without this the planner never learns how large a table is. */
describe("the embedded database's planner statistics", () => {
  let server: EmbeddedServer;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startEmbeddedServer(null);
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await server.stop();
  });
  const estimate = async () => Number((await client.query("SELECT reltuples FROM pg_class WHERE relname = 'stats_probe'")).rows[0].reltuples);

  it("analyzes a table once enough of it changed, as autovacuum would, and not again until it changes", { timeout: 60_000 }, async () => {
    await client.query("CREATE TABLE stats_probe (n int)");
    await client.query("INSERT INTO stats_probe SELECT generate_series(1, 5000)");
    expect(await estimate()).toBeLessThan(0); // never analyzed: the planner guesses
    expect(await analyzeStaleTables(client)).toContain("public.stats_probe");
    expect(await estimate()).toBe(5000);
    expect(await analyzeStaleTables(client)).not.toContain("public.stats_probe");
    await client.query("INSERT INTO stats_probe SELECT generate_series(1, 20)"); // under 50 + 10%
    expect(await analyzeStaleTables(client)).not.toContain("public.stats_probe");
    await client.query("INSERT INTO stats_probe SELECT generate_series(1, 1000)");
    expect(await analyzeStaleTables(client)).toContain("public.stats_probe");
    expect(await estimate()).toBe(6020);
  });
});
