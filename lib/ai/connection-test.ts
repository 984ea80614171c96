import { APICallError, generateText } from "ai";
import { modelFor } from "./models";
import type { ModelSpec } from "./registry";

export type ConnectionResult = { ok: true; reply: string; ms: number } | { ok: false; error: string };

const PROMPT = "Reply with one short sentence saying that you are ready.";
/** Long enough for a cold local model to load, short enough that the admin is not left waiting. */
const TIMEOUT_MS = 30_000;

/**
 * Sends one short request to a model as the chat would (same provider code, same keys from the
 * environment) and says what came back: the reply, or the provider's error as it gave it
 * (status, address and body), so an admin can tell a wrong address from a wrong key or model id.
 */
export async function testConnection(spec: ModelSpec): Promise<ConnectionResult> {
  const started = performance.now();
  try {
    const { text } = await generateText({ model: modelFor({ ...spec, name: "connection test" }).model, prompt: PROMPT, maxOutputTokens: 40, maxRetries: 0, timeout: TIMEOUT_MS });
    const reply = text.trim();
    if (!reply) return { ok: false, error: "The model answered with no text." };
    return { ok: true, reply: reply.slice(0, 300), ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, error: describe(err) };
  }
}

function describe(err: unknown): string {
  if (APICallError.isInstance(err)) {
    const where = err.statusCode ? `HTTP ${err.statusCode} from ${err.url}` : err.url;
    const body = err.responseBody?.trim().slice(0, 300);
    return [`${err.message} (${where})`, body].filter(Boolean).join(": ");
  }
  if (err instanceof Error) return err.name === "TimeoutError" || err.name === "AbortError" ? `No answer within ${TIMEOUT_MS / 1000} s.` : err.message;
  return String(err);
}
