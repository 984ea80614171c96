/**
 * The parse thread started by isolated-parse.ts: parses each file it is sent, one at a time,
 * replying to each. Everything a bad file did dies with the thread, which the caller discards.
 */
import { enableCompileCache } from "node:module";
import { parentPort } from "node:worker_threads";
import { isUnprocessable } from "./errors";
import type { ParseReply } from "./isolated-parse";
import type { ParseInput } from "./parsers";

// Every thread loads the parsers afresh; V8's on-disk code cache halves that (~550 to ~300 ms).
// Enabled before the parsers are imported, so that they are what it caches.
enableCompileCache();
const { parseDocument } = await import("./parsers");

parentPort!.on("message", async (input: ParseInput) => {
  let reply: ParseReply;
  try {
    reply = { ok: true, doc: await parseDocument(input) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reply = { ok: false, message, unprocessable: isUnprocessable(err) };
  }
  parentPort!.postMessage(reply);
});
