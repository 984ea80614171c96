import type { CandidateDocument } from "@/db/queries/retrieval";
import { contentTerms } from "../text/terms";
import type { FusedHit } from "./fusion";

/**
 * Added to the fused score of every candidate of a document the question names, as a share of the
 * best fused score (fusion methods differ in scale): it lifts a named document's passages above
 * near-ties from its twin, not an unrelated passage over a good match. Chosen with
 * `npm run eval:answers` (docs/answer-quality.md, "Spelling, named documents and figures of the asked kind").
 */
export const NAMED_DOCUMENT_BONUS = 0.15;

/** The words a title or file name is known by: its content words as stems, file extension and separators dropped. */
function nameTerms(doc: Pick<CandidateDocument, "title" | "filename">): Set<string> {
  const file = doc.filename.replace(/\.[a-z0-9]{1,5}$/i, "").replace(/[_\-.]+/g, " ");
  return new Set(contentTerms(`${doc.title} ${file}`));
}

/**
 * The documents among the candidates that the question names ("according to the Choice Plus
 * booklet", "the HMO plan's deductible"): those whose title or file name shares the most
 * distinctive words with the question. A word is weighed by how few of the candidates' documents
 * have it in their names, so "plan" in every title counts for nothing and "HMO" in one counts a
 * lot. None is named when the best match rests on words every candidate document shares.
 */
export function namedDocuments(question: string, docs: Pick<CandidateDocument, "documentId" | "title" | "filename">[]): Set<string> {
  const names = new Map<string, Set<string>>();
  for (const doc of docs) if (!names.has(doc.documentId)) names.set(doc.documentId, nameTerms(doc));
  const asked = new Set(contentTerms(question));
  const df = new Map<string, number>();
  for (const terms of names.values()) for (const t of terms) if (asked.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const total = names.size;
  const scores = [...names].map(([id, terms]) => {
    let score = 0;
    for (const t of terms) if (asked.has(t)) score += Math.log(total / df.get(t)!);
    return { id, score };
  });
  const best = Math.max(0, ...scores.map((s) => s.score));
  if (best <= 0) return new Set();
  return new Set(scores.filter((s) => s.score >= best - 1e-9).map((s) => s.id));
}

/**
 * `fused` with the named documents' chunks raised and the order redone. The scale is the best
 * score of a chunk found without an identifier: those found by one stay above (lib/retrieval/fusion.ts).
 */
export function preferNamed(fused: FusedHit[], documentOf: ReadonlyMap<string, string>, named: ReadonlySet<string>, bonus = NAMED_DOCUMENT_BONUS): FusedHit[] {
  if (named.size === 0) return fused;
  const scale = Math.max(0, ...fused.filter((h) => h.exactRank === null).map((h) => h.score));
  return fused
    .map((h) => (named.has(documentOf.get(h.chunkId) ?? "") ? { ...h, score: h.score + bonus * scale } : h))
    .sort((a, b) => b.score - a.score);
}
