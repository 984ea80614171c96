import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { builtinWeightsOfJob } from "@/db/queries/builtin-weights";
import { documentFrequencies } from "@/db/queries/term-stats";
import type { ClassifierWeights } from "../behaviour/classifier/softmax";
import { db } from "../db";
import { env } from "../env";
import { createBuiltinModel } from "./builtin-model";
import type { TermStatsSource } from "./extractive-answer";
import { paceFromSetting, UNPACED } from "./builtin-pace";
import { configuredModel, servingModelRow, type ModelConfig, type ModelSpec } from "./registry";

export interface ChatModel {
  /** The registry name: shown in the UI and stored with every answer. */
  id: string;
  model: LanguageModelV4;
}

/**
 * The active model of the registry (servingModelRow): a promotion or rollback takes effect on the
 * next request in this process, within two seconds in the others. One streaming route serves every provider.
 */
export async function chatModel(options: ModelOptions = {}): Promise<ChatModel> {
  return modelFor(await servingModelRow(), options);
}

export function createChatModel(e: ModelConfig): ChatModel {
  const spec = configuredModel(e);
  return { id: spec.name, model: languageModel(spec, e) };
}

/**
 * `readsIndex: false` is for answers over sources the index does not hold (the behaviour
 * evaluation's cases): the built-in model then weighs the question's words by those sources alone,
 * so its results do not change with whatever documents happen to be loaded. `paced: false` is for
 * programs that read whole answers (evaluations): the built-in model then sends its words without
 * the pause it makes for people reading (BUILTIN_MODEL_DELAY_MS).
 */
export function modelFor(row: ModelSpec & { name: string; fineTuneJobId?: string | null }, options: ModelOptions = {}): ChatModel {
  return { id: row.name, model: languageModel(row, env(), options) };
}

interface ModelOptions {
  readsIndex?: boolean;
  paced?: boolean;
  /** Where the built-in model reads the index's word statistics: by default a statement of its own per answer. */
  termStats?: TermStatsSource;
}

/** API keys stay in the environment; the registry holds only provider, model id and endpoint. */
function languageModel(spec: ModelSpec & { fineTuneJobId?: string | null }, e: ModelConfig, { readsIndex = true, paced = true, termStats }: ModelOptions = {}): LanguageModelV4 {
  switch (spec.provider) {
    case "builtin": {
      const job = spec.fineTuneJobId;
      // A `builtin` fine-tune answers with the behaviour weights its job stored.
      const behaviour = job ? async () => (await builtinWeightsOfJob(db(), job))?.weights as ClassifierWeights | undefined : undefined;
      const stats = readsIndex ? (termStats ?? ((words: string[]) => documentFrequencies(db(), words))) : undefined;
      return createBuiltinModel({ pace: paced ? paceFromSetting(e.BUILTIN_MODEL_DELAY_MS) : UNPACED, termStats: stats, behaviour });
    }
    case "openai":
      // Fine-tuned models ("ft:gpt-4o-mini:org::id") are addressed exactly like base models.
      return createOpenAI({ apiKey: e.OPENAI_API_KEY, baseURL: spec.baseUrl ?? e.OPENAI_BASE_URL }).chat(spec.model);
    case "openai-compatible": {
      const baseURL = spec.baseUrl ?? e.OPENAI_COMPATIBLE_BASE_URL;
      if (!baseURL) throw new Error(`The model ${spec.model} needs a base URL (or OPENAI_COMPATIBLE_BASE_URL).`);
      return createOpenAICompatible({ name: "compatible", baseURL, apiKey: e.OPENAI_COMPATIBLE_API_KEY }).chatModel(spec.model);
    }
  }
}
