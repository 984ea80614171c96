/** `npm run worker`: processes the ingest queue and follows fine-tuning jobs. Run as many as you like; they share it safely. */
import { runWorker } from "@/lib/ingest/worker";

const controller = new AbortController();
process.on("SIGINT", () => controller.abort());
process.on("SIGTERM", () => controller.abort());
console.log("Ingest worker started.");
await runWorker(controller.signal);
process.exit(0);
