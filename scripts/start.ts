/**
 * `npm start` (compiled to dist/start.mjs by `npm run build`) / `npm run dev` (this file under tsx):
 * one command for the whole app on one machine.
 * Without DATABASE_URL this process owns the embedded database (PGlite, served over the
 * PostgreSQL wire protocol) and the web server and ingest worker connect to it as clients.
 * Migrations are applied before anything else starts. Supervision (what happens when a process
 * dies or a stop is asked for) is lib/process/supervisor.ts; docs/operations.md tells it.
 */
import "@/lib/process/watch-parent.mjs";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedServer, type EmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { issueSetupToken } from "@/lib/auth/first-admin";
import { useDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { restartWithMallocTrim } from "@/lib/process/malloc-trim";
import { supervise, type ChildSpec } from "@/lib/process/supervisor";

// Like Next itself, read .env files; variables already set in the environment win.
for (const file of [".env.local", ".env"]) if (fs.existsSync(file)) process.loadEnvFile(file);
// Production runs compiled JavaScript only (`npm run build`): Next's standalone server and the
// worker compiled beside this launcher, no TypeScript compiler in any process.
const compiled = import.meta.url.endsWith(".mjs");
// Production only: under `npm run dev`, tsx's own process would keep the old image.
if (compiled) restartWithMallocTrim();

const mode = process.argv[2] === "dev" ? "dev" : "start";
const config = env();
// Children run on this process's Node directly, not through wrapper binaries: a wrapper killed by
// SIGKILL would leave its own child running, and `#!/usr/bin/env node` could pick an older Node.
const server = mode === "dev" ? [path.join(process.cwd(), "node_modules/next/dist/bin/next"), "dev", "--port", String(config.PORT)] : [standaloneServer()];
const worker = compiled ? [path.join(import.meta.dirname, "worker.mjs")] : ["--import", import.meta.resolve("tsx"), "scripts/worker.ts"];
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

// HOSTNAME is the standalone server's listening address (Next's docs: output); the shell's or a
// container's own HOSTNAME must not leak into it. All interfaces, as `next start` listens.
// The answer sets' folder as an absolute path: the standalone server runs from .next/standalone.
const childEnv = {
  ...process.env,
  DATABASE_URL: url,
  AUTH_SECRET: config.AUTH_SECRET ?? localSecret(),
  PORT: String(config.PORT),
  HOSTNAME: "0.0.0.0",
  ANSWER_SETS_DIR: path.resolve(config.ANSWER_SETS_DIR),
};
const children: ChildSpec[] = [{ name: "Next.js server", nodeArgs: server, env: childEnv }];
if (config.INGEST_WORKER === "inline") children.push({ name: "ingest worker", nodeArgs: worker, env: childEnv });
supervise(children, { drainMs: config.SHUTDOWN_DRAIN_SECONDS * 1000, afterChildren: async () => embedded?.stop() });

/** The production server `npm run build` completes: Next's standalone output with its static files. */
function standaloneServer(): string {
  const dir = path.resolve(".next/standalone");
  if (!fs.existsSync(path.join(dir, ".next/static"))) {
    console.error("There is no complete production build: run `npm run build` first (npm start builds one when there is none).");
    process.exit(1);
  }
  return path.join(dir, "server.js");
}

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
