import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { insertBulkDocuments, type BulkDocument } from "@/db/queries/bulk-corpus";
import type { Embedder } from "../lib/embeddings";
import { searchTextOf } from "../lib/ingest/worker";

export interface SourceText {
  title: string;
  text: string;
}

export interface SyntheticCorpusOptions {
  chunks: number;
  chunksPerDocument?: number;
  /** Document i is readable by group i % groups.length (null: by everyone). */
  groups: (string | null)[];
  sources: SourceText[];
  embedder: Embedder;
  seed?: number;
  onProgress?: (chunksWritten: number) => void;
}

/** Small deterministic PRNG (mulberry32): the same corpus on every run and every database. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);

/**
 * A corpus of any size from real text: each chunk is a window of a source's sentences plus one
 * sentence of another source, so replicas of a source are near neighbours but not duplicates
 * (the hard case for an approximate index), embedded with the real embedder.
 */
export async function buildSyntheticCorpus(db: Executor, options: SyntheticCorpusOptions): Promise<void> {
  const { chunks, chunksPerDocument = 10, groups, sources, embedder } = options;
  const random = prng(options.seed ?? 42);
  const split = sources.map((s) => ({ title: s.title, sentences: sentencesOf(s.text) }));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  let written = 0;
  let docNumber = 0;
  const run = randomUUID().slice(0, 8); // document names are unique among live documents
  while (written < chunks) {
    const batch: BulkDocument[] = [];
    const texts: string[] = [];
    for (let d = 0; d < 50 && written + texts.length < chunks; d++, docNumber++) {
      const primary = split[docNumber % split.length]!;
      const doc: BulkDocument = {
        id: randomUUID(), versionId: randomUUID(), title: `${primary.title} (${docNumber})`, filename: `synthetic-${run}-${docNumber}.txt`,
        groupId: groups[docNumber % groups.length] ?? null, chunks: [],
      };
      for (let c = 0; c < chunksPerDocument && written + texts.length < chunks; c++) {
        const window = Math.min(primary.sentences.length, 3 + Math.floor(random() * 3));
        const start = Math.floor(random() * (primary.sentences.length - window + 1));
        const text = [...primary.sentences.slice(start, start + window), pick(pick(split).sentences)].join(" ");
        const searchText = searchTextOf(doc.title, [], text);
        doc.chunks.push({ id: randomUUID(), text, searchText, embedding: [] });
        texts.push(searchText);
      }
      batch.push(doc);
    }
    const vectors = await embedder.embed(texts);
    let i = 0;
    // Six significant digits: below float4's precision loss, and a third of the SQL text to send.
    for (const doc of batch) for (const chunk of doc.chunks) chunk.embedding = vectors[i++]!.map((v) => Number(v.toPrecision(6)));
    await insertBulkDocuments(db, embedder.id, batch);
    written += texts.length;
    options.onProgress?.(written);
  }
}
