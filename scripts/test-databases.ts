/**
 * Runs the given test command once against the embedded database (PGlite, served exactly as in
 * production), and again against a real PostgreSQL server when TEST_DATABASE_URL is set. Each run
 * gets a fresh, migrated database in DATABASE_URL.
 */
import { spawn } from "node:child_process";
import pg from "pg";
import { createDatabase } from "@/db/client";
import { startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

const command = process.argv.slice(2);
if (command.length === 0) throw new Error("usage: tsx scripts/test-databases.ts <command> [args]");

async function runAgainst(label: string, url: string): Promise<number> {
  const { db, pool } = createDatabase(url, { max: 1 });
  await migrateDatabase(db);
  await pool.end();
  console.log(`\n=== Tests against ${label} ===`);
  // Asynchronous on purpose: this process serves the embedded database and must stay responsive.
  const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

let failed = false;
const embedded = await startEmbeddedServer(null);
try {
  failed = (await runAgainst("embedded PGlite", embedded.url)) !== 0 || failed;
} finally {
  await embedded.stop();
}

const serverUrl = env().TEST_DATABASE_URL;
if (serverUrl) {
  const name = `groundwork_test_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    failed = (await runAgainst("PostgreSQL server", url.toString())) !== 0 || failed;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log("\nTEST_DATABASE_URL is not set: skipped the run against a PostgreSQL server.");
}
process.exit(failed ? 1 : 0);
