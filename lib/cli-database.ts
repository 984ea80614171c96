import path from "node:path";
import { runningEmbeddedServer, startEmbeddedServer, type EmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { useDatabase } from "./db";
import { env } from "./env";
import { stopJobQueue } from "./jobs/queue";

/**
 * The database a command-line tool works on: DATABASE_URL, else the running app's embedded
 * database (only one process may open its data directory), else the embedded database opened here.
 * Migrated before use; `close()` releases the pool and stops an embedded server this opened.
 */
export async function openCliDatabase() {
  const config = env();
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL ?? runningEmbeddedServer(path.resolve(config.PGLITE_DATA_DIR));
  if (!url) {
    embedded = await startEmbeddedServer(path.resolve(config.PGLITE_DATA_DIR));
    url = embedded.url;
  }
  const { db, pool } = useDatabase(url);
  const close = async () => {
    await stopJobQueue();
    await pool.end();
    await embedded?.stop();
  };
  try {
    await migrateDatabase(db);
  } catch (err) {
    await close();
    throw err;
  }
  return { db, close };
}

/**
 * A command-line tool's body on that database, then exit: with the code `work` returns (0 if
 * none), or 1 after printing the error's message (no stack: these are for people).
 */
export async function runCli(work: (db: Awaited<ReturnType<typeof openCliDatabase>>["db"]) => Promise<number | void>): Promise<never> {
  const { db, close } = await openCliDatabase();
  try {
    process.exitCode = (await work(db)) ?? 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    await close();
  }
  process.exit();
}
