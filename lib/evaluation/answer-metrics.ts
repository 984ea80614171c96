import { percentile } from "./metrics";

/**
 * The answer evaluation's metrics, pure: SQuAD's answer normalisation and token scores, and the
 * aggregation of per-question outcomes into the figures `npm run eval:answers` reports.
 */

const PUNCTUATION = new Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

/** SQuAD's normalize_answer: lower-cased, punctuation removed, articles removed, whitespace collapsed. */
export function squadTokens(text: string): string[] {
  const noPunctuation = [...text.toLowerCase()].filter((c) => !PUNCTUATION.has(c)).join("");
  return noPunctuation.replace(/\b(a|an|the)\b/g, " ").split(/\s+/).filter(Boolean);
}

/** An answer's text as scored: its [n] citation markers are not words of the answer. */
export const answerText = (text: string) => text.replace(/\[\d+\]/g, " ");

/** Recall (share of the reference's tokens found in the answer) and SQuAD F1, as multisets. */
export function tokenScores(answer: string, reference: string): { recall: number; f1: number } {
  const predicted = squadTokens(answerText(answer));
  const gold = squadTokens(reference);
  if (predicted.length === 0 || gold.length === 0) {
    // SQuAD: when either side has no words, they agree only if both have none.
    const same = predicted.length === gold.length ? 1 : 0;
    return { recall: same, f1: same };
  }
  const counts = new Map<string, number>();
  for (const t of gold) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of predicted) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common++;
      counts.set(t, left - 1);
    }
  }
  if (common === 0) return { recall: 0, f1: 0 };
  const precision = common / predicted.length;
  const recall = common / gold.length;
  return { recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** Against several references, the best of each score (as SQuAD takes the max over gold answers). A decline scores 0. */
export function bestTokenScores(answer: string, references: string[], declined: boolean): { recall: number; f1: number } | null {
  if (references.length === 0) return null;
  if (declined) return { recall: 0, f1: 0 };
  const scores = references.map((r) => tokenScores(answer, r));
  return { recall: Math.max(...scores.map((s) => s.recall)), f1: Math.max(...scores.map((s) => s.f1)) };
}

export interface Place {
  file: string;
  page?: number | null;
}

/** Whether any of `found` is a supporting file. */
export const fileHit = (found: Place[], support: Place[]) => found.some((f) => support.some((s) => s.file === f.file));
/** Whether any of `found` is on a supporting page (only supports that give a page count). */
export const pageHit = (found: Place[], support: Place[]) =>
  found.some((f) => support.some((s) => s.page != null && s.file === f.file && s.page === f.page));
/** Whether a supporting file is among `found`, on its page where the support gives one. */
export const placeHit = (found: Place[], support: Place[]) =>
  support.some((s) => found.some((f) => f.file === s.file && (s.page == null || f.page === s.page)));

/** What one question came to; null where the metric does not apply to it. */
export interface QuestionOutcome {
  answerable: boolean | undefined;
  declined: boolean;
  citationFileHit: boolean | null;
  citationPageHit: boolean | null;
  retrievalHit: boolean | null;
  answerRecall: number | null;
  tokenF1: number | null;
  /** Whether the reply did what the question's stated behaviour requires; null when it states none. */
  behaviourPass: boolean | null;
  latencyMs: number;
}

/** Scores one question from what was stored for it. */
export function scoreQuestion(q: {
  answerable: boolean | undefined;
  answers: string[];
  citations: Place[];
  answer: string;
  declined: boolean;
  cited: Place[];
  sources: Place[];
  behaviourPass: boolean | null;
  latencyMs: number;
}): QuestionOutcome {
  const answerable = q.answerable === true;
  const withPages = q.citations.filter((c) => c.page != null);
  const tokens = answerable ? bestTokenScores(q.answer, q.answers, q.declined) : null;
  return {
    answerable: q.answerable,
    declined: q.declined,
    citationFileHit: answerable && q.citations.length > 0 ? !q.declined && fileHit(q.cited, q.citations) : null,
    citationPageHit: answerable && withPages.length > 0 ? !q.declined && pageHit(q.cited, withPages) : null,
    retrievalHit: answerable && q.citations.length > 0 ? placeHit(q.sources, q.citations) : null,
    answerRecall: tokens?.recall ?? null,
    tokenF1: tokens?.f1 ?? null,
    behaviourPass: q.behaviourPass,
    latencyMs: q.latencyMs,
  };
}

export interface AnswerReport {
  set: string;
  model: string;
  questions: number;
  answerable: { n: number; falseRefusalRate: number | null; citationFileHit: number | null; citationPageHit: number | null; retrievalHit: number | null; answerRecall: number | null; tokenF1: number | null };
  unanswerable: { n: number; declineRate: number | null };
  behaviour: { n: number; accuracy: number | null };
  latencyMs: { p50: number | null; p95: number | null };
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
/** The mean of the values that apply (booleans as 0/1); null when none does. */
function share(values: (boolean | number | null)[]): number | null {
  const applicable = values.filter((v) => v !== null);
  return applicable.length ? round(applicable.reduce<number>((sum, v) => sum + Number(v), 0) / applicable.length) : null;
}

export function aggregate(set: string, model: string, outcomes: QuestionOutcome[]): AnswerReport {
  const answerable = outcomes.filter((o) => o.answerable === true);
  const unanswerable = outcomes.filter((o) => o.answerable === false);
  const behaviour = outcomes.filter((o) => o.behaviourPass !== null);
  const latencies = outcomes.map((o) => o.latencyMs);
  return {
    set,
    model,
    questions: outcomes.length,
    answerable: {
      n: answerable.length,
      falseRefusalRate: share(answerable.map((o) => o.declined)),
      citationFileHit: share(answerable.map((o) => o.citationFileHit)),
      citationPageHit: share(answerable.map((o) => o.citationPageHit)),
      retrievalHit: share(answerable.map((o) => o.retrievalHit)),
      answerRecall: share(answerable.map((o) => o.answerRecall)),
      tokenF1: share(answerable.map((o) => o.tokenF1)),
    },
    unanswerable: { n: unanswerable.length, declineRate: share(unanswerable.map((o) => o.declined)) },
    behaviour: { n: behaviour.length, accuracy: share(behaviour.map((o) => o.behaviourPass)) },
    latencyMs: latencies.length ? { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)) } : { p50: null, p95: null },
  };
}
