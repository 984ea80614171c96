import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { CACHED_READ_TTL_MS } from "@/db/cached-reads";
import { activateChatModel, registerChatModel } from "@/db/queries/chat-models";
import { activateEmbeddingModel, listEmbeddingModels } from "@/db/queries/embedding-models";
import { readStream } from "@/testing/answers";
import { createTestUser } from "@/testing/fixtures";
import { BUILTIN_MODEL_NAME, resolveActiveModel } from "../ai/registry";
import { servingSpec } from "../behaviour/current-spec";
import { rollbackModel } from "../behaviour/promotion";
import { DEFAULT_BEHAVIOUR_SPEC } from "../behaviour/spec";
import { saveSpec } from "../behaviour/spec-store";
import { databaseUrl, db } from "../db";
import { servingEmbedder } from "../embeddings/registry";
import type { CurrentUser } from "../auth/user";
import { answer } from "./answer";

/** The model an answer says it came from (its first chunk), and with it every cached read of the answer filled. */
async function answeredBy(user: CurrentUser): Promise<string> {
  const message = { id: randomUUID(), role: "user" as const, parts: [{ type: "text" as const, text: "How many days of annual leave do I get?" }] };
  const chunks = await readStream(await answer({ user, conversationId: randomUUID(), message }));
  return (chunks.find((c) => c.type === "start")!.messageMetadata as { model: string }).model;
}

const twinModel = async () => (await registerChatModel(db(), { name: `twin-${randomUUID().slice(0, 6)}`, provider: "builtin", model: BUILTIN_MODEL_NAME, kind: "base" }))!;

/** Changes made as another process makes them: its own connection, none of this process's queries. */
async function elsewhere(statements: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query("BEGIN");
    await statements(client);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return Date.now();
}

describe("the settings every answer reads, kept for a moment", () => {
  it("an admin's change in this process is seen by the next answer", async () => {
    const [admin, employee] = await Promise.all([createTestUser("admin"), createTestUser("employee")]);
    const builtin = await resolveActiveModel();
    expect(await answeredBy(employee)).toBe(builtin.name);
    const before = await servingSpec();

    const edited = { ...DEFAULT_BEHAVIOUR_SPEC, notFound: `Nothing on that here (${randomUUID().slice(0, 6)}).` };
    const saved = await saveSpec(admin, edited, "cached reads: in this process");
    expect(saved.version).toBeGreaterThan(before.version);
    expect(await servingSpec()).toEqual({ version: saved.version, spec: edited });

    // Straight through the query (as the registry's seeding and the evaluations do), and through an admin's action.
    const twin = await twinModel();
    await activateChatModel(db(), twin.id);
    expect(await answeredBy(employee)).toBe(twin.name);
    await rollbackModel(admin);
    expect(await answeredBy(employee)).toBe(builtin.name);

    await saveSpec(admin, DEFAULT_BEHAVIOUR_SPEC, "back to the default");
    expect((await servingSpec()).spec).toEqual(DEFAULT_BEHAVIOUR_SPEC);
  });

  it(`a change made by another process is seen within ${CACHED_READ_TTL_MS / 1000} s`, { timeout: 30_000 }, async () => {
    const employee = await createTestUser("employee");
    const builtin = await resolveActiveModel();
    const twin = await twinModel();
    const embedders = await listEmbeddingModels(db());
    const serving = await servingEmbedder();
    const other = embedders.find((m) => m.id !== serving.id && m.provider === "builtin")!;
    expect(await answeredBy(employee)).toBe(builtin.name);
    const before = await servingSpec();

    const edited = { ...DEFAULT_BEHAVIOUR_SPEC, notFound: `Not in the documents (${randomUUID().slice(0, 6)}).` };
    const changedAt = await elsewhere(async (client) => {
      await client.query("INSERT INTO behaviour_specs (version, content, note) SELECT max(version) + 1, $1, 'cached reads: elsewhere' FROM behaviour_specs", [JSON.stringify(edited)]);
      await client.query("UPDATE chat_models SET active = false WHERE active");
      await client.query("UPDATE chat_models SET active = true, activated_at = now() WHERE id = $1", [twin.id]);
      await client.query("UPDATE embedding_models SET status = 'retired' WHERE id = $1", [serving.id]);
      await client.query("UPDATE embedding_models SET status = 'active' WHERE id = $1", [other.id]);
    });
    // Still the rows read before, for at most the bound (only checked while well inside it).
    const [spec, model, embedder] = [await servingSpec(), await answeredBy(employee), await servingEmbedder()];
    if (Date.now() - changedAt < CACHED_READ_TTL_MS / 2) expect([spec.version, model, embedder.id]).toEqual([before.version, builtin.name, serving.id]);

    await new Promise((resolve) => setTimeout(resolve, CACHED_READ_TTL_MS - (Date.now() - changedAt) + 50));
    expect(await servingSpec()).toEqual({ version: before.version + 1, spec: edited });
    expect(await answeredBy(employee)).toBe(twin.name);
    expect((await servingEmbedder()).id).toBe(other.id);

    await activateEmbeddingModel(db(), serving.id);
    await elsewhere((client) => client.query("UPDATE embedding_models SET status = $2 WHERE id = $1", [other.id, other.status]));
    await activateChatModel(db(), builtin.id);
    await saveSpec(await createTestUser("admin"), DEFAULT_BEHAVIOUR_SPEC, "back to the default");
    expect([await answeredBy(employee), (await servingSpec()).spec, (await servingEmbedder()).id]).toEqual([builtin.name, DEFAULT_BEHAVIOUR_SPEC, serving.id]);
  });
});
