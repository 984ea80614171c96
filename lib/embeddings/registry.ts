import {
  activateIfNoneActive, activeEmbeddingModel, activeEmbeddingModelCached, liveEmbeddingModels, registerEmbeddingModel, type EmbeddingModelRow, type NewEmbeddingModel,
} from "@/db/queries/embedding-models";
import { db } from "../db";
import { env } from "../env";
import { BUILTIN_HASHING_MODELS, hashingModelId } from "./hashing-embedder";
import { builtinEmbedder, createEmbedder, embedder, type Embedder } from ".";

/**
 * The models this installation can embed with: the built-in hashing models (offline, always)
 * and the provider model configured in the environment, if any. API keys stay in the environment.
 */
export function configuredEmbeddingModels(): NewEmbeddingModel[] {
  const models: NewEmbeddingModel[] = BUILTIN_HASHING_MODELS.map(({ dimensions, version }) => {
    const id = hashingModelId(dimensions, version);
    return { id, provider: "builtin", model: id, dimensions };
  });
  const e = env();
  if (e.EMBEDDING_PROVIDER !== "builtin") {
    const configured = embedder();
    models.push({ id: configured.id, provider: e.EMBEDDING_PROVIDER, model: e.EMBEDDING_MODEL!, dimensions: configured.dimensions });
  }
  return models;
}

/**
 * Registers the configured models. On a fresh install (or one from before the registry) the
 * environment's model becomes active; afterwards the active model changes only by a switch.
 */
export async function registerConfiguredEmbeddingModels() {
  for (const model of configuredEmbeddingModels()) await registerEmbeddingModel(db(), model);
  await activateIfNoneActive(db(), embedder().id);
}

const embedders = new Map<string, Embedder>();

/** The embedder for a registered model. */
export function embedderFor(row: Pick<EmbeddingModelRow, "id" | "provider" | "model" | "dimensions">): Embedder {
  if (row.id === embedder().id) return embedder();
  let found = embedders.get(row.id);
  if (!found) {
    found = row.provider === "builtin"
      ? builtinEmbedder(row.id)
      : createEmbedder({ ...env(), EMBEDDING_PROVIDER: row.provider, EMBEDDING_MODEL: row.model, EMBEDDING_DIMENSIONS: row.dimensions });
    if (found.id !== row.id) throw new Error(`The embedding model ${row.id} is not configured here (this process would embed with ${found.id}).`);
    embedders.set(row.id, found);
  }
  return found;
}

/** The registry's active model, read now (admin pages, the worker). */
export async function activeEmbedder(): Promise<Embedder> {
  let row = await activeEmbeddingModel(db());
  if (!row) {
    await registerConfiguredEmbeddingModels();
    row = await activeEmbeddingModel(db());
  }
  return embedderFor(row!);
}

/**
 * The model retrieval embeds questions with and searches: the active one, as read in the last
 * two seconds (db/cached-reads.ts), since every question needs it. A switch activated by the
 * worker is thus searched within two seconds; until then, the previous model's vectors, kept
 * while it is retired.
 */
export async function servingEmbedder(): Promise<Embedder> {
  const row = await activeEmbeddingModelCached.get(db());
  return row ? embedderFor(row) : activeEmbedder();
}

/** Every model a new chunk needs vectors from: the active one and one being switched to. */
export async function liveEmbedders(): Promise<Embedder[]> {
  let rows = await liveEmbeddingModels(db());
  if (!rows.some((r) => r.status === "active")) {
    await registerConfiguredEmbeddingModels();
    rows = await liveEmbeddingModels(db());
  }
  return rows.map(embedderFor);
}
