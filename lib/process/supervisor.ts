import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface ChildSpec {
  name: string;
  /** A script run by this process's Node: `[script, ...args]`, optionally after extra Node flags. */
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** How long children get to finish open requests after SIGTERM before they are killed. */
  drainMs: number;
  /** Runs once every child has exited (the embedded database closes here). */
  afterChildren?: () => Promise<void>;
  /** Where children's output goes; the launcher's own terminal by default. */
  stdio?: "inherit" | "pipe";
}

const watchParent = pathToFileURL(path.join(import.meta.dirname, "watch-parent.mjs")).href;
const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * Starts the children and keeps the group whole: when one dies, all stop and this process exits
 * non-zero, so whatever runs Groundwork (systemd, Docker, Kubernetes, a terminal) sees the failure
 * and restarts it with its own backoff and logging. Restarting inside would hide a crash loop behind
 * a launcher that looks alive, which is exactly the half-dead state this prevents.
 * SIGTERM or SIGINT drains: children get SIGTERM (Next.js stops accepting and finishes open
 * responses), then SIGKILL after `drainMs`, then `afterChildren`, then exit 0.
 */
export function supervise(specs: ChildSpec[], options: SupervisorOptions) {
  const children = specs.map((spec) => {
    const child = spawn(process.execPath, ["--import", watchParent, ...spec.nodeArgs], { stdio: options.stdio ?? "inherit", env: spec.env });
    child.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`${spec.name} exited (${signal ?? `code ${code}`}); stopping Groundwork.`);
      void shutdown(1);
    });
    return child;
  });

  let stopping = false;
  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => stopChild(child, options.drainMs)));
    await options.afterChildren?.().catch((err: Error) => console.error(`stopping: ${err.message}`));
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  return { children, shutdown };
}

/** SIGTERM, then SIGKILL after `drainMs`; resolves once the child has exited either way. */
function stopChild(child: ChildProcess, drainMs: number): Promise<void> {
  if (!running(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), drainMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
