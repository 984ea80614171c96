import type { ChatModelRow } from "@/db/queries/chat-models";

/**
 * Where companies usually run their model, as the admin's first-run page offers it. Each speaks
 * OpenAI's chat completions API; only OpenAI itself uses the `openai` provider. Keys never pass
 * through the browser: each preset names the environment variable its key is read from.
 */
export interface ModelPreset {
  id: string;
  label: string;
  provider: Exclude<ChatModelRow["provider"], "builtin">;
  /** Blank: the provider's own default (api.openai.com). A placeholder in capitals is to be replaced. */
  baseUrl: string;
  modelExample: string;
  /** The environment variable the key comes from, or null when a local server needs none. */
  keyVariable: "OPENAI_API_KEY" | "OPENAI_COMPATIBLE_API_KEY" | null;
}

export const MODEL_PRESETS: ModelPreset[] = [
  { id: "openai", label: "OpenAI", provider: "openai", baseUrl: "", modelExample: "gpt-4.1-mini", keyVariable: "OPENAI_API_KEY" },
  // Azure's v1 API is OpenAI's own, at the resource's address, with the deployment name as the model.
  { id: "azure", label: "Azure OpenAI", provider: "openai-compatible", baseUrl: "https://YOUR-RESOURCE.openai.azure.com/openai/v1", modelExample: "your deployment name", keyVariable: "OPENAI_COMPATIBLE_API_KEY" },
  { id: "ollama", label: "Ollama", provider: "openai-compatible", baseUrl: "http://localhost:11434/v1", modelExample: "llama3.1:8b", keyVariable: null },
  { id: "vllm", label: "vLLM", provider: "openai-compatible", baseUrl: "http://localhost:8000/v1", modelExample: "meta-llama/Llama-3.1-8B-Instruct", keyVariable: null },
  { id: "lmstudio", label: "LM Studio", provider: "openai-compatible", baseUrl: "http://localhost:1234/v1", modelExample: "qwen2.5-7b-instruct", keyVariable: null },
];
