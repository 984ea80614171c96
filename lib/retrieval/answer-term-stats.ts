import type { Executor } from "@/db/client";
import { documentFrequencies, MAX_WORDS_PER_READ, type TermStats } from "@/db/queries/term-stats";

/**
 * The index's word statistics, read once for one answer. The spelling check reads them for the
 * question's words while retrieval runs, and the built-in model needs the same words' weights
 * before its first word: with one of these passed to both, the second finds them read. It lives
 * as long as the answer, so a document ingested meanwhile counts from the next answer on.
 */
export class AnswerTermStats {
  private chunks = 0;
  /** Word -> chunks containing it; null for a word with no lexeme (a stop word of the index). */
  private readonly known = new Map<string, number | null>();
  private last: Promise<unknown> = Promise.resolve();
  /** Statements sent so far. */
  reads = 0;

  /** The statistics of `words`, reading from `database` only those not read before. */
  read(database: Executor, words: string[]): Promise<TermStats> {
    // One read at a time, so a read that overlaps another waits for it and then asks only for what it lacks.
    const next = this.last.catch(() => undefined).then(() => this.readMissing(database, words));
    this.last = next;
    return next;
  }

  private async readMissing(database: Executor, words: string[]): Promise<TermStats> {
    const missing = [...new Set(words)].filter((w) => !this.known.has(w));
    if (missing.length > 0) {
      this.reads++;
      const stats = await documentFrequencies(database, missing);
      this.chunks = Math.max(this.chunks, stats.chunks);
      // documentFrequencies reads at most its first MAX_WORDS_PER_READ words; the others stay unread, as they would be.
      for (const w of missing.slice(0, MAX_WORDS_PER_READ)) this.known.set(w, stats.df.get(w) ?? null);
    }
    const df = new Map<string, number>();
    for (const w of words) {
      const n = this.known.get(w);
      if (n !== undefined && n !== null) df.set(w, n);
    }
    // As one read of these words alone would: no chunk count when none of them is a word the index counts.
    return { chunks: df.size > 0 ? this.chunks : 0, df };
  }
}
