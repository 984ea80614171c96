import type { FusedHit } from "./fusion";

/**
 * Each passage a document already has above a candidate, past its first two, multiplies the
 * candidate's fused score by this. A passage of another document then goes first only where the
 * scores are close (within about a tenth), so one long document cannot fill the sources given to
 * the model while a close match elsewhere is left out; a much better match keeps its place. Two
 * passages are free because an answer often needs a passage and the next one, and near-twin
 * documents (two plan booklets) should not push each other's second passage in. Chosen with
 * `npm run eval:answers` (docs/answer-quality.md, "One document does not fill the sources").
 */
export const SAME_DOCUMENT_DECAY = 0.9;
const FREE_PASSAGES = 2;

/**
 * `fused`, re-ranked greedily: at each place the candidate with the best score after the decay
 * for the passages its document already has above it. Chunks of unknown document (past the depth
 * whose documents were looked up) keep their order after the others. The chunks found by an
 * identifier the question names stay above every other (lib/retrieval/fusion.ts), re-ranked among
 * themselves.
 */
export function diversifyByDocument(fused: FusedHit[], documentOf: ReadonlyMap<string, string>, decay = SAME_DOCUMENT_DECAY): FusedHit[] {
  if (decay >= 1) return fused;
  const placed = new Map<string, number>();
  const weight = (h: FusedHit) => decay ** Math.max(0, (placed.get(documentOf.get(h.chunkId)!) ?? 0) - FREE_PASSAGES + 1);
  const spread = (hits: FusedHit[]) => {
    const ranked: FusedHit[] = [];
    while (hits.length > 0) {
      const best = hits.reduce((b, h, i) => (h.score * weight(h) > hits[b]!.score * weight(hits[b]!) ? i : b), 0);
      const [hit] = hits.splice(best, 1);
      const doc = documentOf.get(hit!.chunkId)!;
      placed.set(doc, (placed.get(doc) ?? 0) + 1);
      ranked.push(hit!);
    }
    return ranked;
  };
  const known = fused.filter((h) => documentOf.has(h.chunkId));
  return [
    ...spread(known.filter((h) => h.exactRank !== null)),
    ...spread(known.filter((h) => h.exactRank === null)),
    ...fused.filter((h) => !documentOf.has(h.chunkId)),
  ];
}
