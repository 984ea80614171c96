import type { FineTuneProvider } from "./provider";

/**
 * Self-hosted training: the admin downloads the JSONL (OpenAI chat format, which standard trainers
 * such as TRL, Axolotl or Unsloth read as-is), trains a LoRA, serves it behind an OpenAI-compatible
 * server (vLLM, Ollama, LM Studio) and registers the endpoint. Nothing runs here in between.
 */
export const externalFineTuning: FineTuneProvider = {
  id: "external",
  async submit() {
    return { status: "awaiting_endpoint" };
  },
  async cancel() {
    return "cancelled";
  },
};
