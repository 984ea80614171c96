import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { activateChatModel, activeChatModel, activeChatModelCached, findChatModel, findChatModelByName, registerChatModel, type ChatModelRow } from "@/db/queries/chat-models";
import { forgetCachedReads } from "@/db/cached-reads";
import { db } from "../db";
import { env, type Env } from "../env";

export type ModelConfig = Pick<
  Env,
  "CHAT_MODEL_PROVIDER" | "CHAT_MODEL" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_COMPATIBLE_BASE_URL" | "OPENAI_COMPATIBLE_API_KEY" | "BUILTIN_MODEL_DELAY_MS"
>;

export type ModelSpec = Pick<ChatModelRow, "provider" | "model" | "baseUrl">;

export const BUILTIN_MODEL_NAME = "builtin-extractive";

/** The registry entry for the model configured in the environment. */
export function configuredModel(e: ModelConfig): ModelSpec & { name: string } {
  switch (e.CHAT_MODEL_PROVIDER) {
    case "builtin":
      return { name: BUILTIN_MODEL_NAME, provider: "builtin", model: BUILTIN_MODEL_NAME, baseUrl: null };
    case "openai": {
      const model = e.CHAT_MODEL ?? "gpt-4o-mini";
      return { name: `openai:${model}`, provider: "openai", model, baseUrl: null };
    }
    case "openai-compatible": {
      if (!e.OPENAI_COMPATIBLE_BASE_URL || !e.CHAT_MODEL) {
        throw new Error("OPENAI_COMPATIBLE_BASE_URL and CHAT_MODEL must be set for the openai-compatible provider.");
      }
      return { name: `openai-compatible:${e.CHAT_MODEL}`, provider: "openai-compatible", model: e.CHAT_MODEL, baseUrl: e.OPENAI_COMPATIBLE_BASE_URL };
    }
  }
}

/** Arbitrary constant: serializes the first-start seeding when several processes start at once. */
const SEED_LOCK = 4242_0002;

/**
 * Seeds the registry: the built-in model always, the environment's model too, and makes the
 * environment's model active when none is (first start). Idempotent and safe to race.
 */
export async function ensureRegistry(executor: Executor = db()): Promise<ChatModelRow> {
  const active = await executor.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const configured = configuredModel(env());
    await registerChatModel(tx, { name: BUILTIN_MODEL_NAME, provider: "builtin", model: BUILTIN_MODEL_NAME, kind: "builtin" });
    if (configured.provider !== "builtin") await registerChatModel(tx, { ...configured, kind: "base" });
    const active = await activeChatModel(tx);
    if (active) return active;
    const row = (await findChatModelByName(tx, configured.name))!;
    await activateChatModel(tx, row.id);
    return (await activeChatModel(tx))!;
  });
  forgetCachedReads();
  return active;
}

let seeded: Promise<unknown> | undefined;

/**
 * The active registry row: one indexed read per call. Each process seeds once first, so a model
 * newly configured in the environment shows up as a candidate after a restart.
 */
export async function resolveActiveModel(executor: Executor = db()): Promise<ChatModelRow> {
  await seedOnce(executor);
  return (await activeChatModel(executor)) ?? ensureRegistry(executor);
}

function seedOnce(executor: Executor) {
  seeded ??= ensureRegistry(executor).catch((err: unknown) => {
    seeded = undefined;
    throw err;
  });
  return seeded;
}

/**
 * The active model answers are given by: as read in the last two seconds (db/cached-reads.ts),
 * since every answer needs it. A promotion or rollback in this process is seen by the next answer;
 * one in another process within two seconds.
 */
export async function servingModelRow(): Promise<ChatModelRow> {
  await seedOnce(db());
  return (await activeChatModelCached.get(db())) ?? ensureRegistry();
}

/** A registry model by its id or its name, as admins and scripts refer to it. */
export async function findRegistryModel(ref: string, executor: Executor = db()): Promise<ChatModelRow | null> {
  await resolveActiveModel(executor); // a fresh install has its models seeded before anyone names one
  const byName = await findChatModelByName(executor, ref);
  if (byName || !/^[0-9a-f-]{36}$/i.test(ref)) return byName;
  return findChatModel(executor, ref);
}
