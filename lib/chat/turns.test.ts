import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listMessages } from "@/db/queries/conversations";
import { citations } from "@/db/schema";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { readStream, waitForMessages } from "@/testing/answers";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { answer } from "./answer";
import type { ChatMessage } from "./types";

const ask = (text: string, id: string = randomUUID()): ChatMessage => ({ id, role: "user", parts: [{ type: "text", text }] });



const textOf = (m: { parts: unknown[] }) => (m.parts as { type: string; text?: string }[]).flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");

describe("stopped, regenerated and edited turns", async () => {
  const admin = await createTestUser("admin");
  const code = `PARK-${randomUUID().slice(0, 6)}`;
  await acceptUpload({
    filename: `parking-${code}.md`,
    bytes: Buffer.from(
      `# Parking ${code}\n\nEmployees can park in garage ${code} free of charge on weekdays after registering their number plate at reception. ` +
        `Visitors to ${code} must be announced by their host one day ahead.\n`,
    ),
    uploadedBy: admin.id,
  });
  await drainQueue();
  const question = `Where can employees park with ${code} on weekdays?`;

  it("stores the partial answer of a stopped generation, marked stopped, with its valid citations only", async () => {
    const user = await createTestUser("employee");
    // The whole answer, as an unstopped turn stores it (its wording depends on the index's statistics).
    const whole = randomUUID();
    await readStream(await answer({ user, conversationId: whole, message: ask(question) }));
    const full = textOf((await waitForMessages(whole, (r) => r.length === 2))[1]!);
    expect(full).toContain(`garage ${code} free of charge`);
    const conversationId = randomUUID();
    const controller = new AbortController();
    const stream = await answer({ user, conversationId, message: ask(question), abortSignal: controller.signal });
    const reader = stream.getReader();
    let deltas = 0;
    while (deltas < 3) if ((await reader.read()).value?.type === "text-delta") deltas++;
    // The client goes away: the request's signal aborts, and the server keeps reading to the end.
    controller.abort();
    for (;;) if ((await reader.read()).done) break;

    const rows = await waitForMessages(conversationId, (r) => r.length === 2);
    const stored = rows[1]!;
    expect(stored.metadata).toMatchObject({ stopped: true });
    expect(textOf(stored).length).toBeGreaterThan(0);
    expect(textOf(stored).length).toBeLessThan(full.length);
    expect(full.startsWith(textOf(stored).trimEnd())).toBe(true);
    const cited = await db().select().from(citations).where(eq(citations.messageId, stored.id));
    expect(cited.map((c) => c.n)).toEqual(textOf(stored).includes("[1]") ? [1] : []);
  });

  it("regenerating the last answer replaces it; editing the last question replaces the turn", async () => {
    const user = await createTestUser("employee");
    const conversationId = randomUUID();
    const first = ask("What is the capital of France?");
    await readStream(await answer({ user, conversationId, message: first }));
    const original = ask(question);
    await readStream(await answer({ user, conversationId, message: original }));
    const before = await waitForMessages(conversationId, (r) => r.length === 4);

    // Regenerate: the same question (same id) again.
    await readStream(await answer({ user, conversationId, message: original }));
    const regenerated = await waitForMessages(conversationId, (r) => r.length === 4 && r[3]!.id !== before[3]!.id);
    expect(regenerated.map((m) => m.id).slice(0, 3)).toEqual(before.map((m) => m.id).slice(0, 3));
    expect(textOf(regenerated[3]!)).toContain(`garage ${code}`);
    expect(await db().select().from(citations).where(eq(citations.messageId, before[3]!.id))).toEqual([]);

    // Edit: the same id with new text replaces the question and its answer.
    await readStream(await answer({ user, conversationId, message: ask(`Who announces visitors to ${code}?`, original.id) }));
    const edited = await waitForMessages(conversationId, (r) => r.length === 4 && r[3]!.id !== regenerated[3]!.id);
    expect(edited.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(edited[2]!.id).toBe(original.id);
    expect(textOf(edited[2]!)).toBe(`Who announces visitors to ${code}?`);
    expect(textOf(edited[3]!)).toContain("announced by their host");
    expect(textOf(edited[1]!)).toContain("couldn't find");
  });

  it("refuses to replace a question that is not the last one, or one from another conversation", async () => {
    const user = await createTestUser("employee");
    const conversationId = randomUUID();
    const first = ask(question);
    await readStream(await answer({ user, conversationId, message: first }));
    await readStream(await answer({ user, conversationId, message: ask("And on weekends?") }));
    await waitForMessages(conversationId, (r) => r.length === 4);
    await expect(answer({ user, conversationId, message: ask("Edited", first.id) })).rejects.toMatchObject({ code: "bad_request" });

    // Another conversation reusing the id cannot overwrite it: that id names nothing of the other conversation.
    const other = randomUUID();
    await expect(answer({ user, conversationId: other, message: ask("Hijack", first.id) })).rejects.toMatchObject({ code: "not_found" });
    expect(textOf((await listMessages(db(), conversationId))[0]!)).toBe(question);
    expect(await listMessages(db(), other)).toEqual([]);
  });
});
