/** A process that calls restartWithMallocTrim (lib/process/malloc-trim.test.ts): it reports each run, then restarts if asked. */
import fs from "node:fs";
import { restartWithMallocTrim } from "@/lib/process/malloc-trim";

// What glibc reads at start is the process's real environment, not Node's copy of it.
const environ = fs.readFileSync("/proc/self/environ", "utf8").split("\0");
const threshold = environ.find((entry) => entry.startsWith("MALLOC_TRIM_THRESHOLD_="))?.split("=")[1] ?? null;
console.log(JSON.stringify({ pid: process.pid, args: process.argv.slice(2), threshold }));
restartWithMallocTrim();
