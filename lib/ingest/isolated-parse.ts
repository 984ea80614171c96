/**
 * Parsing in a worker thread with a wall-clock and a heap limit, so a hostile or pathological file
 * (a PDF that loops, a document that expands to gigabytes) costs one failed upload, never the
 * worker process. A thread whose parse failed is discarded: nothing a bad file did survives it.
 * The thread's side is parse-thread.ts.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedDocument } from "./document-model";
import { env } from "../env";
import { UnprocessableDocumentError } from "./errors";
import type { ParseInput } from "./parsers";

export interface ParseLimits {
  /** Wall-clock limit including the thread's start-up; default PARSE_TIMEOUT_MS (60 s). */
  timeoutMs?: number;
  /** V8 old-generation heap limit of the thread; default PARSE_MAX_MEMORY_MB (1024). */
  maxOldGenerationMb?: number;
}

export type ParseReply = { ok: true; doc: ParsedDocument } | { ok: false; message: string; unprocessable: boolean };

/**
 * Compiled (`npm run build` bundles this module into dist/*.mjs), the thread runs the compiled
 * dist/parse-thread.mjs beside the bundle. From source, it runs parse-thread.ts, and must load it and
 * its imports (extensionless relative paths, the "@/" alias) through tsx's loader: Node's own type
 * stripping cannot resolve those. A thread inherits its parent's execArgv, which carries the loader
 * under the tsx CLI but not under vitest, which compiles TypeScript in-process, so the loader is
 * passed explicitly, resolved from this file so that the working directory does not matter.
 */
const compiled = import.meta.url.endsWith(".mjs");
const threadScript = new URL(compiled ? "./parse-thread.mjs" : "./parse-thread.ts", import.meta.url);
const threadExecArgv = compiled ? [] : ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href];

/**
 * Parses in an isolated thread. The input's bytes are transferred, not copied, when the view spans
 * its whole ArrayBuffer: the caller's array is empty afterwards. (A view into a shared buffer, such
 * as Node's Buffer pool, is copied first, since transferring would detach its neighbours.)
 * Rejects with UnprocessableDocumentError for anything retrying will not fix: the parser's own
 * verdict, the time limit, the memory limit.
 */
export function parseIsolated(input: ParseInput, limits: ParseLimits = {}): Promise<ParsedDocument> {
  const timeoutMs = limits.timeoutMs ?? env().PARSE_TIMEOUT_MS;
  const memoryMb = limits.maxOldGenerationMb ?? env().PARSE_MAX_MEMORY_MB;
  const whole = input.bytes.byteOffset === 0 && input.bytes.byteLength === input.bytes.buffer.byteLength;
  // new Uint8Array(view) copies; Buffer#slice would not (it is subarray for Buffers).
  const bytes = whole && input.bytes.buffer instanceof ArrayBuffer ? input.bytes : new Uint8Array(input.bytes);
  const thread = borrowThread(memoryMb);

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      thread.worker.off("message", onMessage);
      thread.worker.off("error", onError);
      thread.worker.off("exit", onExit);
      outcome();
      if (reusable) returnThread(thread);
      else void thread.worker.terminate(); // whatever a failed parse left behind goes with its thread
    };
    const timer = setTimeout(() => {
      settle(() => reject(new UnprocessableDocumentError(`Parsing took longer than ${seconds(timeoutMs)} and was stopped.`)), false);
    }, timeoutMs);
    const onMessage = (reply: ParseReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.doc);
        else reject(reply.unprocessable ? new UnprocessableDocumentError(reply.message) : new Error(reply.message));
      }, reply.ok);
    const onError = (err: Error & { code?: string }) =>
      settle(() => {
        if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
          reject(new UnprocessableDocumentError(`Parsing needed more than ${memoryMb} MB of memory and was stopped.`, { cause: err }));
        } else {
          // The thread failed outside the parser (start-up, module loading): ours to fix, so retryable.
          reject(new Error(`The parser could not run: ${err.message}`, { cause: err }));
        }
      }, false);
    const onExit = (code: number) => settle(() => reject(new Error(`The parser stopped unexpectedly (exit code ${code}).`)), false);
    thread.worker.on("message", onMessage);
    thread.worker.once("error", onError);
    thread.worker.once("exit", onExit);
    thread.worker.postMessage({ ...input, bytes }, [bytes.buffer as ArrayBuffer]);
  });
}

/**
 * Starting a thread costs ~0.3-0.5 s (loading the parsers), more than parsing a typical policy,
 * so a thread that parsed successfully is kept for the next file. One that failed, timed out or ran
 * out of memory is discarded; a kept thread is retired after MAX_PARSES_PER_THREAD parses anyway.
 */
const MAX_PARSES_PER_THREAD = 200;
const MAX_IDLE_THREADS = 2;
/**
 * A kept thread holds its parsers' memory (tens of MB each). Files of an import arrive within
 * seconds of each other, so a thread idle this long has no import to serve: it ends, and an idle
 * install does not pay for the last upload (docs/operations.md, "Memory and start-up").
 */
const IDLE_THREAD_MS = 15_000;

interface ParseThread {
  worker: Worker;
  memoryMb: number;
  parses: number;
  retire?: NodeJS.Timeout;
}

const idle: ParseThread[] = [];

function borrowThread(memoryMb: number): ParseThread {
  const i = idle.findIndex((t) => t.memoryMb === memoryMb);
  if (i !== -1) {
    const thread = idle.splice(i, 1)[0]!;
    clearTimeout(thread.retire);
    return thread;
  }
  const worker = new Worker(threadScript, {
    execArgv: threadExecArgv,
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      // The young generation is only a nursery; capping it keeps the total near the stated limit.
      maxYoungGenerationSizeMb: Math.max(2, Math.min(32, Math.floor(memoryMb / 8))),
    },
  });
  worker.unref(); // an idle parse thread must not keep a finished process alive
  const thread = { worker, memoryMb, parses: 0 };
  // A thread that dies while idle is simply forgotten (the listeners above are per parse).
  worker.on("error", () => {});
  worker.on("exit", () => {
    const i = idle.indexOf(thread);
    if (i !== -1) idle.splice(i, 1);
  });
  return thread;
}

/** How many parse threads are kept, idle, for the next file. */
export const idleParseThreads = () => idle.length;

function returnThread(thread: ParseThread) {
  thread.parses++;
  if (thread.parses >= MAX_PARSES_PER_THREAD || idle.length >= MAX_IDLE_THREADS) void thread.worker.terminate();
  else {
    idle.push(thread);
    thread.retire = setTimeout(() => void thread.worker.terminate(), IDLE_THREAD_MS).unref();
  }
}

function seconds(ms: number) {
  const n = Number((ms / 1000).toFixed(3));
  return `${n} second${n === 1 ? "" : "s"}`;
}

