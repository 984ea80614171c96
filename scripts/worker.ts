/** `npm run worker`: runs the background jobs (ingestion, embedding switches, fine-tunes). Run as many as you like; they share the queue. */
import { runWorker } from "@/lib/jobs/worker";
import { restartWithMallocTrim } from "@/lib/process/malloc-trim";

// A worker started alone from its compiled file (`node dist/worker.mjs`) returns freed memory too.
if (import.meta.url.endsWith(".mjs")) restartWithMallocTrim();

const controller = new AbortController();
process.on("SIGINT", () => controller.abort());
process.on("SIGTERM", () => controller.abort());
console.log("Ingest worker started.");
await runWorker(controller.signal);
process.exit(0);
