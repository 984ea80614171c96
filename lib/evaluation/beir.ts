import fs from "node:fs";
import path from "node:path";

/** A BEIR-format dataset: corpus.jsonl, queries.jsonl, qrels/<split>.tsv. */
export interface BeirDataset {
  corpus: { id: string; title: string; text: string; metadata?: Record<string, unknown> }[];
  queries: Map<string, string>;
  queryMetadata: Map<string, Record<string, unknown> | undefined>;
  /** query id -> (document id -> relevance) */
  qrels: Map<string, Map<string, number>>;
}

function readJsonl(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}:${i + 1} is not valid JSON`);
      }
    });
}

export function loadBeir(folder: string, split = "test"): BeirDataset {
  for (const f of ["corpus.jsonl", "queries.jsonl", `qrels/${split}.tsv`]) {
    if (!fs.existsSync(path.join(folder, f))) throw new Error(`${folder} is not a BEIR dataset: ${f} is missing`);
  }
  const corpus = readJsonl(path.join(folder, "corpus.jsonl")).map((d) => ({
    id: String(d._id),
    title: String(d.title ?? ""),
    text: String(d.text ?? ""),
    metadata: d.metadata as Record<string, unknown> | undefined,
  }));
  const rawQueries = readJsonl(path.join(folder, "queries.jsonl"));
  const queries = new Map(rawQueries.map((q) => [String(q._id), String(q.text)]));
  const queryMetadata = new Map(rawQueries.map((q) => [String(q._id), q.metadata as Record<string, unknown> | undefined]));
  const qrels = new Map<string, Map<string, number>>();
  const lines = fs.readFileSync(path.join(folder, `qrels/${split}.tsv`), "utf8").split("\n").slice(1);
  for (const line of lines.filter((l) => l.trim())) {
    const [qid, docId, score] = line.split("\t");
    if (!qid || !docId || score === undefined || Number.isNaN(Number(score))) throw new Error(`malformed qrels line: ${line}`);
    if (!qrels.has(qid)) qrels.set(qid, new Map());
    qrels.get(qid)!.set(docId, Number(score));
  }
  return { corpus, queries, queryMetadata, qrels };
}

/** nDCG@k with graded relevance, as BEIR computes it. */
export function ndcgAt(k: number, ranked: string[], relevant: Map<string, number>): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (2 ** (relevant.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...relevant.values()].sort((a, b) => b - a).slice(0, k).reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}
