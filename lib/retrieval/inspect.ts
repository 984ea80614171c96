import type { Asker } from "@/db/queries/access";
import { chatModel } from "../ai/models";
import { env } from "../env";
import { reranker } from "./rerank";
import { retrieve, type RetrievalResult } from "./retrieve";
import { standaloneQuery, type Rewrite } from "./rewrite";

/** How many ranked chunks the console shows: the ones the chat uses, and the next ones. */
const CONSOLE_ROWS = 20;

export interface Inspection {
  rewrite: Rewrite;
  result: RetrievalResult;
  /** The first this many sources are what the chat gives the model. */
  topK: number;
  rerankConfigured: boolean;
}

/**
 * What the chat would retrieve for this question, asked by this asker, optionally as a follow-up
 * to an earlier question: the same rewrite and the same retrieve() call the chat makes, with
 * more rows shown than the model gets.
 */
export async function inspectRetrieval(asker: Asker, question: string, previousQuestion?: string): Promise<Inspection> {
  const history = previousQuestion ? [{ role: "user" as const, text: previousQuestion }] : [];
  const rewrite = await standaloneQuery(question, history, await chatModel());
  const topK = env().RETRIEVAL_TOP_K;
  const result = await retrieve(asker, rewrite.query, Math.max(CONSOLE_ROWS, topK));
  return { rewrite, result, topK, rerankConfigured: reranker() !== null };
}
