import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordPathOf, runningEmbeddedServer, startEmbeddedServer, type EmbeddedServer } from "./embedded-server";

describe("the embedded database is only the app's", () => {
  let dir: string;
  let dataDir: string;
  let server: EmbeddedServer;
  let port: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-access-"));
    dataDir = path.join(dir, "pglite");
    server = await startEmbeddedServer(dataDir);
    port = Number(new URL(server.url).port);
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const attempt = async (user: string, password: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user, password, database: "postgres" });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return "accepted";
    } catch (err) {
      return (err as { code?: string }).code ?? String(err);
    } finally {
      await client.end().catch(() => {});
    }
  };

  it("refuses every connection with a wrong password", async () => {
    const real = fs.readFileSync(passwordPathOf(dataDir), "utf8").trim();
    const guesses = ["", "postgres", "password", "groundwork", real.slice(1), real + "x", real.toUpperCase(), "' OR 1=1 --"];
    const tries = ["postgres", "root", "admin"].flatMap((user) => guesses.map((password) => ({ user, password })));
    const results = [];
    for (const { user, password } of tries) results.push(await attempt(user, password));
    const accepted = results.filter((r) => r === "accepted").length;
    console.log(`database connections with a wrong password: ${tries.length} tried, ${accepted} accepted`);
    expect(accepted).toBe(0);
    expect(new Set(results)).toEqual(new Set(["28P01"])); // PostgreSQL's "password authentication failed"
    // The right one still works, for any user name (PGlite has one superuser).
    expect(await attempt("postgres", real)).toBe("accepted");
  }, 60_000);

  it("runs nothing for a client that skips the password", async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      const chunks: Buffer[] = [];
      socket.on("data", (d) => chunks.push(d));
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
      socket.on("connect", () => {
        const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
        const startup = Buffer.alloc(8 + params.length);
        startup.writeInt32BE(startup.length, 0);
        startup.writeInt32BE(196608, 4);
        params.copy(startup, 8);
        const sql = Buffer.from("SELECT 'leaked-' || version()\0");
        const query = Buffer.alloc(5 + sql.length);
        query.write("Q", 0);
        query.writeInt32BE(4 + sql.length, 1);
        sql.copy(query, 5);
        socket.write(Buffer.concat([startup, query]));
      });
    });
    expect(reply).toContain("28P01");
    expect(reply).not.toContain("leaked-");
  });

  it("listens on loopback only, keeps its password in an owner-only file and out of the lock file", async () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    const other = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
    if (other) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, other.address, () => (socket.destroy(), resolve(true)));
        socket.on("error", () => resolve(false));
      });
      expect(reached).toBe(false);
    }
    const file = passwordPathOf(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(file, "utf8").trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    const lock = fs.readFileSync(path.join(dir, "pglite.lock"), "utf8");
    expect(lock).not.toContain(password);
    expect(lock).toBe(`${process.pid}\n${port}\n`);
    // Its owner's other commands (npm run ingest) still find it.
    expect(runningEmbeddedServer(dataDir)).toBe(server.url);
  });

  it("keeps the same password across restarts, and makes a copied file owner-only again", async () => {
    const before = fs.readFileSync(passwordPathOf(dataDir), "utf8");
    await server.stop();
    fs.chmodSync(passwordPathOf(dataDir), 0o644);
    server = await startEmbeddedServer(dataDir);
    port = Number(new URL(server.url).port);
    expect(fs.readFileSync(passwordPathOf(dataDir), "utf8")).toBe(before);
    expect(fs.statSync(passwordPathOf(dataDir)).mode & 0o777).toBe(0o600);
    expect(await attempt("postgres", before.trim())).toBe("accepted");
  }, 60_000);
});
