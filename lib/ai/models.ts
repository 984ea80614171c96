import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { env, type Env } from "../env";
import { createBuiltinModel } from "./builtin-model";

export interface ChatModel {
  /** Shown in the UI and stored with every answer. */
  id: string;
  model: LanguageModelV4;
}

let cached: ChatModel | undefined;

/** The configured chat model. One streaming route serves every provider. */
export function chatModel(): ChatModel {
  cached ??= createChatModel(env());
  return cached;
}

type ModelConfig = Pick<
  Env,
  "CHAT_MODEL_PROVIDER" | "CHAT_MODEL" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_COMPATIBLE_BASE_URL" | "OPENAI_COMPATIBLE_API_KEY" | "BUILTIN_MODEL_DELAY_MS"
>;

export function createChatModel(e: ModelConfig): ChatModel {
  switch (e.CHAT_MODEL_PROVIDER) {
    case "builtin":
      return { id: "builtin-extractive", model: createBuiltinModel({ delayMs: e.BUILTIN_MODEL_DELAY_MS }) };
    case "openai": {
      const name = e.CHAT_MODEL ?? "gpt-4o-mini";
      // Fine-tuned models ("ft:gpt-4o-mini:org::id") are addressed exactly like base models.
      return { id: `openai:${name}`, model: createOpenAI({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL }).chat(name) };
    }
    case "openai-compatible": {
      if (!e.OPENAI_COMPATIBLE_BASE_URL || !e.CHAT_MODEL) {
        throw new Error("OPENAI_COMPATIBLE_BASE_URL and CHAT_MODEL must be set for the openai-compatible provider.");
      }
      const provider = createOpenAICompatible({ name: "compatible", baseURL: e.OPENAI_COMPATIBLE_BASE_URL, apiKey: e.OPENAI_COMPATIBLE_API_KEY });
      return { id: `openai-compatible:${e.CHAT_MODEL}`, model: provider.chatModel(e.CHAT_MODEL) };
    }
  }
}
