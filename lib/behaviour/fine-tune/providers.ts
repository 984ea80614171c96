import { env } from "../../env";
import { builtinFineTuning } from "./builtin";
import { externalFineTuning } from "./external";
import { openAIFineTuning } from "./openai";
import type { FineTuneProvider } from "./provider";

export type FineTuneProviderId = "openai" | "external" | "builtin";

export function fineTuneProvider(id: FineTuneProviderId): FineTuneProvider {
  if (id === "builtin") return builtinFineTuning;
  return id === "openai" ? openAIFineTuning({ apiKey: env().OPENAI_API_KEY, baseURL: env().OPENAI_BASE_URL }) : externalFineTuning;
}
