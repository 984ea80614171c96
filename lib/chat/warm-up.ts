import { warmBuiltinBehaviour } from "../ai/builtin-warm-up";
import { env } from "../env";
import { log } from "../log";

/**
 * What the first question after a start would otherwise wait for, done right after the server
 * starts (instrumentation.ts), one step after the other. A step that fails is only logged: it
 * costs the first question its wait, never the start.
 */
export async function warmUpFirstQuestion(): Promise<void> {
  await step(loadChatRoute, "chat route loaded", "could not load the chat route");
  await step(warmBuiltinBehaviour, "built-in model's behaviour classifier trained", "could not warm the built-in model's behaviour classifier");
}

/** Runs one step, logging its time when it did something and its error when it failed. */
async function step(work: () => Promise<boolean>, done: string, failed: string): Promise<void> {
  const started = performance.now();
  try {
    if (await work()) log().info({ ms: Math.round(performance.now() - started) }, done);
  } catch (err) {
    log().warn({ err }, failed);
  }
}

/**
 * Next loads a route's own modules on its first request, not at start (its preloading of entries
 * stops at its wrapper): the chat route's (the AI SDK, retrieval, the models) took about 0.2 s of
 * the first question. Asked OPTIONS, Next loads them to list the route's methods and answers
 * without running the handler. Not in development, where the route would be compiled now, beside
 * the first page, rather than when asked.
 */
async function loadChatRoute(): Promise<boolean> {
  const { NODE_ENV, PORT } = env();
  if (NODE_ENV !== "production") return false;
  const response = await fetch(`http://127.0.0.1:${PORT}/api/chat`, {
    method: "OPTIONS", headers: { "x-request-id": "warm-up" }, signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`OPTIONS /api/chat answered ${response.status}`);
  return true;
}
