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
  /**
   * How a chunk is made. "windows" (the default): a window of 3-5 consecutive sentences of the
   * document's source plus one sentence of another, so a large corpus holds many near-copies of each
   * source, and a question's exact top 10 is mostly copies of a few abstracts. "sentences": four
   * sentences of four different sources, so two chunks rarely share more than a sentence: what
   * bench:retrieval builds at scale (docs/retrieval-speed.md, "The cost curve").
   */
  composition?: "windows" | "sentences";
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

function windowOf(sentences: string[], random: () => number): string[] {
  const window = Math.min(sentences.length, 3 + Math.floor(random() * 3));
  const start = Math.floor(random() * (sentences.length - window + 1));
  return sentences.slice(start, start + window);
}

/**
 * The corpus's documents, 50 at a time, without their embeddings: each chunk is a window of a
 * source's sentences plus one sentence of another source ("windows"), so replicas of a source are
 * near neighbours but not duplicates (the hard case for an approximate index), or four sentences
 * of four sources ("sentences").
 */
export function* syntheticDocuments(options: Omit<SyntheticCorpusOptions, "embedder" | "onProgress">): Generator<BulkDocument[]> {
  const { chunks, chunksPerDocument = 10, groups, sources, composition = "windows" } = options;
  const random = prng(options.seed ?? 42);
  const split = sources.map((s) => ({ title: s.title, sentences: sentencesOf(s.text) }));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  let written = 0;
  let docNumber = 0;
  const run = randomUUID().slice(0, 8); // document names are unique among live documents
  while (written < chunks) {
    const batch: BulkDocument[] = [];
    for (let d = 0; d < 50 && written < chunks; d++, docNumber++) {
      const primary = split[docNumber % split.length]!;
      const doc: BulkDocument = {
        id: randomUUID(), versionId: randomUUID(), title: `${primary.title} (${docNumber})`, filename: `synthetic-${run}-${docNumber}.txt`,
        groupId: groups[docNumber % groups.length] ?? null, chunks: [],
      };
      for (let c = 0; c < chunksPerDocument && written < chunks; c++, written++) {
        const text = composition === "windows"
          ? [...windowOf(primary.sentences, random), pick(pick(split).sentences)].join(" ")
          : [primary, pick(split), pick(split), pick(split)].map((source) => pick(source.sentences)).join(" ");
        doc.chunks.push({ id: randomUUID(), text, searchText: searchTextOf(doc.title, [], text), embedding: [] });
      }
      batch.push(doc);
    }
    yield batch;
  }
}

/** Writes the corpus of syntheticDocuments, embedded with the real embedder. */
export async function buildSyntheticCorpus(db: Executor, options: SyntheticCorpusOptions): Promise<void> {
  let written = 0;
  for (const batch of syntheticDocuments(options)) {
    const chunks = batch.flatMap((doc) => doc.chunks);
    const vectors = await options.embedder.embed(chunks.map((chunk) => chunk.searchText));
    // Six significant digits: below float4's precision loss, and a third of the SQL text to send.
    chunks.forEach((chunk, i) => (chunk.embedding = vectors[i]!.map((v) => Number(v.toPrecision(6)))));
    await insertBulkDocuments(db, options.embedder.id, batch);
    written += chunks.length;
    options.onProgress?.(written);
  }
}
