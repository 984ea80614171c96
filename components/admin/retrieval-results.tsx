import Link from "next/link";
import { ScrollRegion } from "./scroll-region";
import type { Inspection } from "@/lib/retrieval/inspect";

const SNIPPET_CHARS = 200;
const rank = (r: number | null, score: number | null, digits = 3) => (r === null ? "–" : `${r} (${score?.toFixed(digits) ?? "?"})`);

/** Ranked chunks with each leg's rank and score: why the chat got the sources it got. */
export function RetrievalResults({ inspection, asUser }: { inspection: Inspection; asUser: string }) {
  const { rewrite, result, topK, rerankConfigured } = inspection;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        As <strong>{asUser}</strong>: {result.sources.length} chunk{result.sources.length === 1 ? "" : "s"}; the first {topK} are what the chat gives the
        model.
      </p>
      <p className="text-sm" data-testid="served-by">
        Served by: {result.servedBy.server === "replica" ? `read replica ${result.servedBy.name}` : "the primary database"}
        {result.servedBy.fallback && <span className="text-amber-700"> (replicas passed over: {result.servedBy.fallback})</span>}
      </p>
      {rewrite.method !== "none" && (
        <p className="text-sm" data-testid="rewritten-query">
          Searched as ({rewrite.method === "model" ? "rewritten by the model" : "rewritten by rules"}): <q>{rewrite.query}</q>
        </p>
      )}
      {result.corrections.length > 0 && (
        <p className="text-sm" data-testid="spelling-corrections">
          Read as the documents write it, for the keyword search:{" "}
          {result.corrections.map((c, i) => (
            <span key={c.from}>
              {i > 0 && ", "}
              <q>{c.from}</q> → <q>{c.to}</q>
            </span>
          ))}
        </p>
      )}
      {result.named.length > 0 && (
        <p className="text-sm" data-testid="named-documents">
          The question names {result.named.map((d) => d.title).join(", ")}: {result.named.length === 1 ? "its" : "their"} passages are preferred.
        </p>
      )}
      {rewrite.error && <p className="text-sm text-amber-700">The model could not rewrite the question ({rewrite.error}); rules were used.</p>}
      {result.rerank?.error && (
        <p role="alert" className="text-sm text-amber-700">
          The reranker failed ({result.rerank.error}): the fused order is shown, as the chat would use it.
        </p>
      )}
      {result.sources.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">Nothing this user may read matches.</p>
      ) : (
        <ScrollRegion label="Retrieved passages">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 dark:border-zinc-800">
              <tr>
                <th className="py-2">#</th>
                <th>Document and section</th>
                <th>Keyword rank (score)</th>
                <th>Vector rank (similarity)</th>
                <th>Identifier</th>
                <th>Fused</th>
                {rerankConfigured && <th>Rerank</th>}
              </tr>
            </thead>
            <tbody>
              {result.sources.map((s) => (
                <tr key={s.chunkId} data-testid="retrieval-row" className={`border-b border-zinc-100 align-top dark:border-zinc-900 ${s.n > topK ? "text-zinc-600 dark:text-zinc-400" : ""}`}>
                  <td className="py-2">{s.n}</td>
                  <td className="max-w-md py-2">
                    <Link className="font-medium underline" href={`/sources/${s.documentId}/${s.versionId}?chunk=${s.chunkId}`}>
                      {s.title}
                    </Link>
                    <div className="text-xs text-zinc-600 dark:text-zinc-400">{[...s.headingPath.filter((h) => h !== s.title), s.page ? `page ${s.page}` : null].filter(Boolean).join(" › ")}</div>
                    <div className="text-xs">{s.text.length > SNIPPET_CHARS ? `${s.text.slice(0, SNIPPET_CHARS)}…` : s.text}</div>
                  </td>
                  <td data-testid="keyword-rank">{rank(s.keywordRank, s.keywordScore, 2)}</td>
                  <td data-testid="vector-rank">{rank(s.vectorRank, s.vectorScore)}</td>
                  <td>{s.exactRank === null ? "–" : s.exactRank}</td>
                  <td>{s.score.toFixed(4)}</td>
                  {rerankConfigured && <td>{s.rerankScore === null ? "–" : s.rerankScore.toFixed(3)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
