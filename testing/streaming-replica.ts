import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface StreamingReplica {
  /** The same database as the primary URL, on the replica. */
  url: string;
  stop(): Promise<void>;
  /** Stops the replica and removes its files. */
  destroy(): Promise<void>;
}

export type ReplicaSetup = { replica: StreamingReplica } | { skipped: string; primaryIsServer: boolean };

/** Replica settings a test cluster needs beside the copied data: no TCP port, a private socket, readable while replaying. */
const REPLICA_CONF = (socketDir: string) => `listen_addresses = ''
port = 5433
unix_socket_directories = '${socketDir}'
hot_standby = on
wal_receiver_status_interval = 1s
shared_buffers = 128MB
`;

/**
 * A second PostgreSQL cluster streaming from the primary at `primaryUrl`: `pg_basebackup -R`
 * into a directory under /tmp, started on a private Unix socket (about
 * a second for a small cluster). Runs the server binaries as `postgres` when this process is root
 * (PostgreSQL refuses to run as root), which Debian's default `local replication all peer` line
 * admits. Says why instead when it cannot: an embedded primary, no server binaries, no rights.
 */
export async function createStreamingReplica(primaryUrl: string): Promise<ReplicaSetup> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  let version: string;
  try {
    await primary.connect();
    const { rows: [server] } = await primary.query<{ v: string; wasm: boolean }>("SELECT current_setting('server_version_num') AS v, version() LIKE '%emscripten%' AS wasm");
    version = server!.v;
    if (server!.wasm) {
      return { skipped: "the primary is the embedded PGlite, which has no streaming replication", primaryIsServer: false };
    }
  } finally {
    await primary.end().catch(() => {});
  }
  const bin = `/usr/lib/postgresql/${Math.floor(Number(version) / 10000)}/bin`;
  if (!fs.existsSync(path.join(bin, "pg_basebackup"))) return { skipped: `no PostgreSQL server binaries in ${bin}`, primaryIsServer: true };

  const url = new URL(primaryUrl);
  const asRoot = process.getuid?.() === 0;
  // Under /tmp, not TMPDIR: the server user must be able to reach it (and Unix socket paths are short).
  const dir = fs.mkdtempSync("/tmp/groundwork-replica-");
  const data = path.join(dir, "data");
  const asServerUser = (command: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]) : run(path.join(bin, command), args);
  const pgCtl = (...args: string[]) => asServerUser("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", ...args]);
  try {
    if (asRoot) await run("chown", ["postgres", dir]);
    const host = url.searchParams.get("host") ?? url.hostname;
    const user = asRoot ? [] : ["-U", decodeURIComponent(url.username)];
    // --no-sync: a throwaway copy need not be flushed to disk, which took 4 of the 6 s on a busy machine.
    await asServerUser("pg_basebackup", ["-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync", "-h", host, "-p", url.port || "5432", ...user]);
    // Debian keeps the configuration outside the data directory, so the copy has none.
    const write = (name: string, text: string) => fs.writeFileSync(path.join(data, name), text);
    write("postgresql.conf", REPLICA_CONF(dir));
    write("pg_hba.conf", "local all all trust\n");
    write("pg_ident.conf", "");
    if (asRoot) await run("chown", ["-R", "postgres", data]);
    await pgCtl("start");
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    const detail = (err as { stderr?: string }).stderr?.trim() || (err instanceof Error ? err.message : String(err));
    return { skipped: `the replica could not be created: ${detail}`, primaryIsServer: true };
  }
  const replicaUrl = new URL(primaryUrl);
  replicaUrl.port = "5433";
  replicaUrl.searchParams.set("host", dir);
  const stop = () => pgCtl("-m", "fast", "stop").then(() => {}, () => {});
  return {
    replica: {
      url: replicaUrl.toString(),
      stop,
      destroy: async () => {
        await stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}
