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

function idOf(record: Record<string, unknown>, file: string, i: number): string {
  const id = record._id;
  if ((typeof id !== "string" && typeof id !== "number") || String(id) === "") throw new Error(`${file} record ${i + 1} has no _id`);
  return String(id);
}

/**
 * Loads a BEIR dataset, refusing one that would give meaningless figures: records without an id
 * or text, duplicate ids, judgements of unknown queries or documents, no judgements at all.
 */
export function loadBeir(folder: string, split = "test"): BeirDataset {
  for (const f of ["corpus.jsonl", "queries.jsonl", `qrels/${split}.tsv`]) {
    if (!fs.existsSync(path.join(folder, f))) throw new Error(`${folder} is not a BEIR dataset: ${f} is missing`);
  }
  const corpus = readJsonl(path.join(folder, "corpus.jsonl")).map((d, i) => {
    if (typeof d.text !== "string") throw new Error(`corpus.jsonl record ${i + 1} has no text`);
    return { id: idOf(d, "corpus.jsonl", i), title: String(d.title ?? ""), text: d.text, metadata: d.metadata as Record<string, unknown> | undefined };
  });
  const docIds = new Set(corpus.map((d) => d.id));
  if (docIds.size !== corpus.length) throw new Error("corpus.jsonl has duplicate _id values");
  const rawQueries = readJsonl(path.join(folder, "queries.jsonl"));
  const queries = new Map<string, string>();
  const queryMetadata = new Map<string, Record<string, unknown> | undefined>();
  rawQueries.forEach((q, i) => {
    const id = idOf(q, "queries.jsonl", i);
    if (typeof q.text !== "string" || !q.text.trim()) throw new Error(`queries.jsonl record ${i + 1} has no text`);
    queries.set(id, q.text);
    queryMetadata.set(id, q.metadata as Record<string, unknown> | undefined);
  });
  const qrels = new Map<string, Map<string, number>>();
  const [header, ...lines] = fs.readFileSync(path.join(folder, `qrels/${split}.tsv`), "utf8").split("\n");
  if (!header?.startsWith("query-id\t")) throw new Error(`qrels/${split}.tsv must start with the header line query-id, corpus-id, score (tab-separated)`);
  for (const line of lines.filter((l) => l.trim())) {
    const [qid, docId, score] = line.trim().split("\t");
    if (!qid || !docId || score === undefined || score === "" || Number.isNaN(Number(score))) throw new Error(`malformed qrels line: ${line}`);
    if (!queries.has(qid)) throw new Error(`qrels/${split}.tsv judges query ${qid}, which queries.jsonl does not have`);
    if (!docIds.has(docId)) throw new Error(`qrels/${split}.tsv judges document ${docId}, which corpus.jsonl does not have`);
    if (!qrels.has(qid)) qrels.set(qid, new Map());
    qrels.get(qid)!.set(docId, Number(score));
  }
  if (qrels.size === 0) throw new Error(`qrels/${split}.tsv has no judgements`);
  return { corpus, queries, queryMetadata, qrels };
}

/** nDCG@k with graded relevance, as BEIR computes it. */
export function ndcgAt(k: number, ranked: string[], relevant: Map<string, number>): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (2 ** (relevant.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...relevant.values()].sort((a, b) => b - a).slice(0, k).reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}
