import { z } from "zod";
import { env, type Env } from "../env";

export interface RerankScore {
  /** Position in the documents given. */
  index: number;
  score: number;
}

/** A second-stage ranker: scores each candidate's text against the query. */
export interface Reranker {
  id: string;
  rerank(query: string, documents: string[]): Promise<RerankScore[]>;
}

const response = z.object({
  // Cohere and Jina answer `results`; Voyage answers `data`.
  results: z.array(z.object({ index: z.number().int().min(0), relevance_score: z.number() })).optional(),
  data: z.array(z.object({ index: z.number().int().min(0), relevance_score: z.number() })).optional(),
});

export interface HttpRerankerConfig {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

/**
 * The rerank contract shared by Cohere (/v2/rerank), Jina (/v1/rerank), Voyage and local servers
 * (vLLM, Infinity): POST {base}/rerank {model, query, documents, top_n} ->
 * {results: [{index, relevance_score}]}.
 */
export function httpReranker({ baseUrl, model, apiKey, timeoutMs }: HttpRerankerConfig): Reranker {
  const url = `${baseUrl.replace(/\/+$/, "")}/rerank`;
  return {
    id: `http:${model}`,
    async rerank(query, documents) {
      if (documents.length === 0) return [];
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({ model, query, documents, top_n: documents.length }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`the rerank service answered HTTP ${res.status}`);
      const parsed = response.safeParse(await res.json().catch(() => null));
      const results = parsed.success ? (parsed.data.results ?? parsed.data.data) : undefined;
      if (!results) throw new Error("the rerank service answered without a results list");
      if (results.some((r) => r.index >= documents.length)) throw new Error("the rerank service answered with an unknown document index");
      return results.map((r) => ({ index: r.index, score: r.relevance_score }));
    },
  };
}

type RerankConfig = Pick<Env, "RERANK_PROVIDER" | "RERANK_BASE_URL" | "RERANK_MODEL" | "RERANK_API_KEY" | "RERANK_TIMEOUT_MS">;

export function createReranker(e: RerankConfig): Reranker | null {
  if (e.RERANK_PROVIDER === "off") return null;
  if (!e.RERANK_BASE_URL || !e.RERANK_MODEL) throw new Error("RERANK_BASE_URL and RERANK_MODEL must be set when RERANK_PROVIDER is http.");
  return httpReranker({ baseUrl: e.RERANK_BASE_URL, model: e.RERANK_MODEL, apiKey: e.RERANK_API_KEY, timeoutMs: e.RERANK_TIMEOUT_MS });
}

let cached: Reranker | null | undefined;

/** The configured reranker, or null when reranking is off (the default). */
export function reranker(): Reranker | null {
  if (cached === undefined) cached = createReranker(env());
  return cached;
}

/** Tests only: use this reranker (or none) instead of the configured one. */
export function setReranker(value: Reranker | null | undefined) {
  cached = value;
}
