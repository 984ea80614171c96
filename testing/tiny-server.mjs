/**
 * A stand-in for the Next.js server in supervision tests: starts in milliseconds, listens on a free
 * port, answers /slow?ms=N after N ms, and on SIGTERM drains like Next (stops accepting, finishes
 * open responses). TINY_IGNORE_SIGTERM=1 makes it a process that hangs on stop.
 */
import http from "node:http";

const server = http.createServer((req, res) => {
  const ms = Number(new URL(req.url ?? "/", "http://x").searchParams.get("ms") ?? 0);
  setTimeout(() => res.end("done"), ms);
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ name: process.env.TINY_NAME, pid: process.pid, port: server.address().port }));
});
process.on("SIGTERM", () => {
  if (process.env.TINY_IGNORE_SIGTERM === "1") return;
  server.close(() => process.exit(0));
});
