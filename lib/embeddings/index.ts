import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { embedMany } from "ai";
import { env, type Env } from "../env";
import { createHashingEmbeddingModel, HASHING_MODEL_ID, parseHashingModelId } from "./hashing-embedder";

export interface Embedder {
  /** Stored beside each vector: vectors of different models are never compared. */
  id: string;
  dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

function fromModel(model: EmbeddingModelV4, id: string, dimensions: number): Embedder {
  return {
    id,
    dimensions,
    async embed(texts) {
      if (texts.length === 0) return [];
      const { embeddings } = await embedMany({ model, values: texts, maxParallelCalls: 2 });
      return embeddings;
    },
  };
}

let cached: Embedder | undefined;

/**
 * The embedding model configured by EMBEDDING_PROVIDER (builtin unless configured). It is
 * registered at startup; which registered model serves retrieval is the registry's active one
 * (lib/embeddings/registry.ts), changed by a background switch, not by a restart.
 */
export function embedder(): Embedder {
  cached ??= createEmbedder(env());
  return cached;
}

/** A built-in hashing embedder by its model id (each dimension and version is its own model). */
export function builtinEmbedder(modelId = HASHING_MODEL_ID): Embedder {
  const model = createHashingEmbeddingModel(modelId);
  return fromModel(model, model.modelId, parseHashingModelId(modelId)!.dimensions);
}

export type EmbeddingConfig = Pick<
  Env,
  "EMBEDDING_PROVIDER" | "EMBEDDING_MODEL" | "EMBEDDING_DIMENSIONS" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_COMPATIBLE_BASE_URL" | "OPENAI_COMPATIBLE_API_KEY"
>;

export function createEmbedder(e: EmbeddingConfig): Embedder {
  // EMBEDDING_MODEL may name another built-in model for a new install (e.g. builtin-hash-1024-v1).
  if (e.EMBEDDING_PROVIDER === "builtin") return builtinEmbedder(e.EMBEDDING_MODEL);
  if (!e.EMBEDDING_MODEL || !e.EMBEDDING_DIMENSIONS) {
    throw new Error("EMBEDDING_MODEL and EMBEDDING_DIMENSIONS must be set when EMBEDDING_PROVIDER is not builtin.");
  }
  const model =
    e.EMBEDDING_PROVIDER === "openai"
      ? createOpenAI({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL }).embedding(e.EMBEDDING_MODEL)
      : createOpenAICompatible({
          name: "embeddings",
          baseURL: required(e.OPENAI_COMPATIBLE_BASE_URL, "OPENAI_COMPATIBLE_BASE_URL"),
          apiKey: e.OPENAI_COMPATIBLE_API_KEY,
        }).embeddingModel(e.EMBEDDING_MODEL);
  return fromModel(model, `${e.EMBEDDING_PROVIDER}:${e.EMBEDDING_MODEL}:${e.EMBEDDING_DIMENSIONS}`, e.EMBEDDING_DIMENSIONS);
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} must be set for the configured provider.`);
  return value;
}
