import type { ChatMessage, SourceRef } from "./types";

/** How many retrieved passages a declined answer offers; more reads as an answer, fewer may miss. */
export const CLOSEST_MATCH_COUNT = 3;

/**
 * The passages a not-found answer points the asker to: the best-ranked sources retrieved for them in
 * that turn, so they can still look for themselves. The server decides "not found" (metadata), so
 * every model's decline gets them, live and after a reload alike; any other answer gets none.
 */
export function closestMatches(message: Pick<ChatMessage, "parts" | "metadata">): SourceRef[] {
  if (!message.metadata?.notFound) return [];
  const sources = message.parts.flatMap((p) => (p.type === "data-sources" ? p.data : []));
  return sources.toSorted((a, b) => a.n - b.n).slice(0, CLOSEST_MATCH_COUNT);
}
