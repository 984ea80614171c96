import { randomUUID } from "node:crypto";
import type { ChildProcess } from "node:child_process";

/**
 * The app driven over HTTP as a browser drives it, for the benchmarks that run the production
 * build (bench:load, bench:aborted-streams): Auth.js's own sign-in, and questions through
 * /api/chat read as the AI SDK's UI message stream.
 */

export async function waitUntilReady(origin: string, app: ChildProcess, timeoutMs = 120_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if (app.exitCode !== null) throw new Error("the app exited while starting");
    if ((await fetch(`${origin}/api/ready`).catch(() => null))?.status === 200) return;
  }
  throw new Error(`the app was not ready within ${timeoutMs / 1000} s`);
}

/** Auth.js's own sign-in over HTTP (what the login form does): a CSRF token, then the credentials. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar, Origin: origin },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: origin }),
  });
  const session = cookiesOf(response);
  if (!session.includes("session-token")) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return `${jar}; ${session}`;
}

function cookiesOf(response: Response) {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

export interface AskedOverHttp {
  conversationId: string;
  status: number;
  wordsReceived: number;
  /** From sending the request to the first text of the answer; null when none came. */
  firstTokenMs: number | null;
  totalMs: number;
}

/** Asks in a new conversation; with `dropAfterWords`, goes away once that many words arrived. */
export async function askOverHttp(origin: string, cookie: string, question: string, options: { dropAfterWords?: number } = {}): Promise<AskedOverHttp> {
  const conversationId = randomUUID();
  const controller = new AbortController();
  const started = performance.now();
  let firstTokenMs: number | null = null;
  const response = await fetch(`${origin}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie, Origin: origin },
    body: JSON.stringify({ id: conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: question }] } }),
    signal: controller.signal,
  });
  let text = "";
  if (response.ok && response.body) {
    const decoder = new TextDecoder();
    let pending = "";
    try {
      for await (const chunk of response.body) {
        pending += decoder.decode(chunk, { stream: true });
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.startsWith("data: {")) continue;
          const part = JSON.parse(line.slice(6)) as { type: string; delta?: string };
          if (part.type !== "text-delta") continue;
          firstTokenMs ??= performance.now() - started;
          text += part.delta ?? "";
        }
        if (options.dropAfterWords !== undefined && wordsOf(text) >= options.dropAfterWords) {
          controller.abort();
          break;
        }
      }
    } catch (err) {
      if (!controller.signal.aborted) throw err;
    }
  } else await response.body?.cancel();
  return { conversationId, status: response.status, wordsReceived: wordsOf(text), firstTokenMs, totalMs: performance.now() - started };
}

export function wordsOf(text: string) {
  return text.split(/\s+/).filter(Boolean).length;
}
