import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_textsearch } from "@electric-sql/pglite-pg_textsearch";
import { vector } from "@electric-sql/pglite-pgvector";
import { SESSION_SETTINGS } from "./search-settings";
import { WireMultiplexer } from "./wire-multiplexer";

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves one PGlite instance over the PostgreSQL wire protocol from this process. PGlite runs
 * queries synchronously on its owner's thread, so the web server and workers connect to it as
 * clients (with `pg`, exactly as to a real server) and never block on it. PGlite does not lock its
 * data directory itself, so this takes an exclusive lock file: two owners would corrupt it.
 */
export async function startEmbeddedServer(dataDir: string | null, port = 0): Promise<EmbeddedServer> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const db = await PGlite.create({ dataDir: dataDir ?? undefined, extensions: { vector, pg_textsearch } });
    // Every client shares this one session, and PGlite ignores a startup packet's settings: they
    // are set once, here (a server applies them per connection: db/client.ts).
    for (const [name, value] of Object.entries(SESSION_SETTINGS)) await db.query("SELECT set_config($1, $2, false)", [name, value]);
    const server = new WireMultiplexer(db);
    const boundPort = await server.listen(port, "127.0.0.1");
    const url = `postgres://postgres:postgres@127.0.0.1:${boundPort}/postgres?sslmode=disable`;
    // The lock file also tells other commands (npm run ingest) where to connect while the app runs.
    if (dataDir) fs.writeFileSync(lockPathOf(dataDir), `${process.pid}\n${url}\n`);
    return {
      url,
      async stop() {
        await server.close();
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

const lockPathOf = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);

/** The URL of the embedded server that owns `dataDir`, if one is running. */
export function runningEmbeddedServer(dataDir: string): string | null {
  try {
    const [pid, url] = fs.readFileSync(lockPathOf(dataDir), "utf8").split("\n");
    return url && isAlive(Number(pid)) ? url : null;
  } catch {
    return null;
  }
}

function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathOf(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath, "utf8").split("\n")[0]);
      if (holder && isAlive(holder)) {
        throw new Error(`The embedded database at ${dataDir} is in use by process ${holder}. Stop it first.`, { cause: err });
      }
      fs.rmSync(lockPath, { force: true }); // left by a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
