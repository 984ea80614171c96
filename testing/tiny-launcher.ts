/** The launcher's supervision around two tiny servers (lib/process/supervisor.test.ts). */
import path from "node:path";
import { supervise } from "../lib/process/supervisor";

const server = path.join(import.meta.dirname, "tiny-server.mjs");
const child = (name: string) => ({ name, nodeArgs: [server], env: { ...process.env, TINY_NAME: name } });
console.log(JSON.stringify({ launcher: process.pid }));
supervise([child("web"), child("worker")], {
  drainMs: Number(process.env.TINY_DRAIN_MS),
  afterChildren: async () => console.log(JSON.stringify({ stopped: true })),
});
