/**
 * `npm run dev` / `npm start`: one command for the whole app on one machine.
 * Without DATABASE_URL this process owns the embedded database (PGlite, served over the
 * PostgreSQL wire protocol) and the web server and ingest worker connect to it as clients.
 * Migrations are applied before anything else starts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedServer, type EmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { issueSetupToken } from "@/lib/auth/first-admin";
import { useDatabase } from "@/lib/db";
import { env } from "@/lib/env";

// Like Next itself, read .env files; variables already set in the environment win.
for (const file of [".env.local", ".env"]) if (fs.existsSync(file)) process.loadEnvFile(file);

const mode = process.argv[2] === "start" ? "start" : "dev";
const config = env();
let embedded: EmbeddedServer | undefined;
let url = config.DATABASE_URL;
if (!url) {
  embedded = await startEmbeddedServer(path.resolve(config.PGLITE_DATA_DIR)).catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
  url = embedded.url;
  console.log(`Embedded database: ${config.PGLITE_DATA_DIR}`);
}
const { db, pool } = useDatabase(url);
await migrateDatabase(db);
const setupToken = await issueSetupToken();
await pool.end();
if (setupToken) printSetupLink(`${config.AUTH_URL ?? `http://localhost:${config.PORT}`}/setup/${setupToken}`);

const childEnv = { ...process.env, DATABASE_URL: url, AUTH_SECRET: config.AUTH_SECRET ?? localSecret(), PORT: String(config.PORT) };
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const children: ChildProcess[] = [spawn(bin("next"), [mode, "--port", String(config.PORT)], { stdio: "inherit", env: childEnv })];
if (config.INGEST_WORKER === "inline") {
  children.push(spawn(bin("tsx"), ["scripts/worker.ts"], { stdio: "inherit", env: childEnv }));
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.kill("SIGTERM"))))));
  await embedded?.stop();
  process.exit(code);
}
for (const child of children) child.on("exit", (code) => void shutdown(code ?? 1));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** On a fresh install, the link that creates the administrator: the one line the operator must see. */
function printSetupLink(link: string) {
  const rule = "=".repeat(Math.max(64, link.length + 4));
  console.log(`\n${rule}\n  Groundwork is not set up yet. Open this link to create the administrator (it works once):\n\n  ${link}\n${rule}\n`);
}

/** A signing secret for sessions, created once per install and kept beside the data. */
function localSecret(): string {
  const file = path.resolve(".data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
