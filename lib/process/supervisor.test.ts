import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "@/testing/worker-process";
import { isAlive as alive, portOpen } from "@/testing/processes";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

interface Group { launcher: ChildProcess; pids: Record<string, number>; ports: Record<string, number>; output: () => string; exit: Promise<number | null> }
const started: Group[] = [];

/** A real launcher process (the supervisor) with two tiny HTTP servers as its children. */
async function startGroup(env: Record<string, string> = {}): Promise<Group> {
  const launcher = spawn(process.execPath, ["--import", tsx, "testing/tiny-launcher.ts"], {
    cwd: root,
    env: { ...process.env, TINY_DRAIN_MS: "3000", GROUNDWORK_ORPHAN_EXIT_MS: "1000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  launcher.stdout!.on("data", (d: Buffer) => (out += d));
  launcher.stderr!.on("data", (d: Buffer) => (out += d));
  const exit = new Promise<number | null>((resolve) => launcher.once("exit", (code) => resolve(code)));
  const group: Group = { launcher, pids: {}, ports: {}, output: () => out, exit };
  started.push(group);
  await waitFor("both children listening", async () => {
    for (const line of out.split("\n").filter((l) => l.startsWith("{"))) {
      const event = JSON.parse(line) as { name?: string; pid?: number; port?: number };
      if (event.name) [group.pids[event.name], group.ports[event.name]] = [event.pid!, event.port!];
    }
    return Object.keys(group.ports).length === 2;
  }, 10_000);
  return group;
}

/** A request on its own connection: a kept-alive one would hold the server's drain open. */
const getText = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
const gone = (group: Group) => waitFor("every child gone and its port free", async () => {
  const states = await Promise.all(Object.keys(group.pids).map(async (name) => alive(group.pids[name]!) || (await portOpen(group.ports[name]!))));
  return states.every((busy) => !busy);
}, 5_000);

afterEach(() => {
  for (const group of started.splice(0)) {
    for (const pid of [group.launcher.pid!, ...Object.values(group.pids)]) if (alive(pid)) process.kill(pid, "SIGKILL");
  }
});

describe("launcher supervision", () => {
  it.each(["web", "worker"])("exits non-zero and stops the rest when the %s child is SIGKILLed", async (victim) => {
    const group = await startGroup();
    process.kill(group.pids[victim]!, "SIGKILL");
    expect(await group.exit).toBe(1);
    await gone(group);
    expect(group.output()).toContain(`${victim} exited (SIGKILL)`);
    expect(group.output()).toContain('{"stopped":true}');
  });

  it("exits non-zero when a child exits by itself, even with code 0", async () => {
    const group = await startGroup();
    process.kill(group.pids.worker!, "SIGTERM"); // the tiny server drains and exits 0
    expect(await group.exit).toBe(1);
    await gone(group);
  });

  it("children stop by themselves when the launcher is SIGKILLed", async () => {
    const group = await startGroup();
    const t0 = Date.now();
    process.kill(group.launcher.pid!, "SIGKILL");
    await gone(group);
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it("SIGTERM lets an open request finish, then exits 0", async () => {
    const group = await startGroup();
    const slow = getText(`http://127.0.0.1:${group.ports.web}/slow?ms=800`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request is open
    process.kill(group.launcher.pid!, "SIGTERM");
    expect(await slow).toBe("done");
    expect(await group.exit).toBe(0);
    await gone(group);
  });

  it("SIGTERM kills children that do not stop within the drain time", async () => {
    const group = await startGroup({ TINY_IGNORE_SIGTERM: "1", TINY_DRAIN_MS: "500" });
    const t0 = Date.now();
    process.kill(group.launcher.pid!, "SIGTERM");
    expect(await group.exit).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2_500);
    await gone(group);
  });
});
