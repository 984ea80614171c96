import { env } from "../../env";
import { externalFineTuning } from "./external";
import { openAIFineTuning } from "./openai";
import type { FineTuneProvider } from "./provider";

export type FineTuneProviderId = "openai" | "external";

export function fineTuneProvider(id: FineTuneProviderId): FineTuneProvider {
  return id === "openai" ? openAIFineTuning({ apiKey: env().OPENAI_API_KEY, baseURL: env().OPENAI_BASE_URL }) : externalFineTuning;
}
