import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_textsearch } from "@electric-sql/pglite-pg_textsearch";
import { vector } from "@electric-sql/pglite-pgvector";
import { keepStatisticsFresh } from "./embedded-statistics";
import { sessionSettings } from "./search-settings";
import { WireMultiplexer } from "./wire-multiplexer";
import { newPassword } from "./wire-password";

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
export async function startEmbeddedServer(
  dataDir: string | null, port = 0, sharedBuffersMb = sharedBuffersFor(dataDir ? dataBytes(dataDir) : 0),
): Promise<EmbeddedServer> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const db = await PGlite.create({
      dataDir: dataDir ?? undefined,
      extensions: { vector, pg_textsearch },
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${Math.trunc(sharedBuffersMb)}MB`],
    });
    // Every client shares this one session, and PGlite ignores a startup packet's settings: they
    // are set once, here (a server applies them per connection: db/client.ts).
    for (const [name, value] of Object.entries(sessionSettings("embedded"))) await db.query("SELECT set_config($1, $2, false)", [name, value]);
    // Loopback only, and a password: any local process could otherwise read or rewrite everything.
    const password = dataDir ? passwordOf(dataDir) : newPassword();
    const server = new WireMultiplexer(db, password);
    const boundPort = await server.listen(port, "127.0.0.1");
    const url = urlOf(boundPort, password);
    // The lock file also tells other commands (npm run ingest) where to connect while the app runs:
    // the port only; the password stays in its owner-only file.
    if (dataDir) fs.writeFileSync(lockPathOf(dataDir), `${process.pid}\n${boundPort}\n`);
    // PGlite has no autovacuum: the server gathers its planner statistics itself.
    const statistics = await keepStatisticsFresh(url);
    return {
      url,
      async stop() {
        await statistics.stop();
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
export const passwordPathOf = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);
const urlOf = (port: number, password: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;

/** The database's password: made at first start, kept beside it in a file only its owner may read. */
function passwordOf(dataDir: string): string {
  const file = passwordPathOf(dataDir);
  try {
    fs.writeFileSync(file, newPassword(), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  fs.chmodSync(file, 0o600); // an older or copied file may have been readable by others
  return fs.readFileSync(file, "utf8").trim();
}

/** The URL of the embedded server that owns `dataDir`, if one is running (for its owner: it reads the password file). */
export function runningEmbeddedServer(dataDir: string): string | null {
  try {
    const [pid, port] = fs.readFileSync(lockPathOf(dataDir), "utf8").split("\n");
    if (!port || !/^\d+$/.test(port) || !isAlive(Number(pid))) return null;
    return urlOf(Number(port), fs.readFileSync(passwordPathOf(dataDir), "utf8").trim());
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

/**
 * PGlite's buffer cache, fixed when it starts: as large as the data (there is nothing more to
 * cache), between PostgreSQL's default of 128 MB and 1 GB, and at most a quarter of the memory
 * (the machine's, or the container's limit). PGlite reads every page that is not cached through
 * the WebAssembly file system, which on 100k chunks (a 781 MB HNSW index) made the vector leg's
 * median 30 ms at 128 MB and 14 ms at 1 GB (docs/retrieval.md, "Retrieval at scale"). The cap is
 * WebAssembly's: PGlite's memory ends at 2 GB, and 1 GB of cache leaves room for an embedding
 * switch's 512 MB index build. The cache is allocated when PGlite starts, so it follows the data:
 * a small install does not pay for a large one's, and a grown one gets more at its next start.
 */
export function sharedBuffersFor(dataBytes: number, totalMemoryBytes = memoryLimit()): number {
  const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);
  return Math.max(128, Math.min(mb(dataBytes), 1024, mb(totalMemoryBytes / 4)));
}

/** The machine's memory, or the container's limit when that is lower (cgroups; 0 when unknown). */
const memoryLimit = () => Math.min(os.totalmem(), process.constrainedMemory() || Infinity);

/** The size of the files under `dir` (0 when it does not exist yet). */
export function dataBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}
