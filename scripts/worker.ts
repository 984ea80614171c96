/** `npm run worker`: runs the background jobs (ingestion, embedding switches, fine-tunes). Run as many as you like; they share the queue. */
import { runWorker } from "@/lib/jobs/worker";

const controller = new AbortController();
process.on("SIGINT", () => controller.abort());
process.on("SIGTERM", () => controller.abort());
console.log("Ingest worker started.");
await runWorker(controller.signal);
process.exit(0);
