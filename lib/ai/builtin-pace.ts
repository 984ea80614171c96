/**
 * How fast the built-in model hands out the words of an answer it already has whole. Sent at once,
 * an answer appears in one piece and nothing is seen to stream; so its words are spread out: at a
 * readable pace for a short answer, faster for a long one, so that any answer is complete within
 * about a second. The first word goes at once.
 */
export interface Pace {
  /** The pause after each word when the answer is short enough to allow it. */
  wordMs: number;
  /** The time by which the last word is sent, however long the answer. */
  withinMs: number;
}

/** What a person reading sees: a 25-word answer takes a second, a 250-word one a second too. */
export const READABLE_PACE: Pace = { wordMs: 40, withinMs: 1000 };
/** For programs reading whole answers (evaluations, benchmarks): no pause at all. */
export const UNPACED: Pace = { wordMs: 0, withinMs: 0 };

/**
 * BUILTIN_MODEL_DELAY_MS: unset, the readable pace; a number, exactly that pause after every word
 * however long the answer (0: none), which tests and benchmarks use to stop an answer midway.
 */
export function paceFromSetting(delayMs: number | undefined): Pace {
  return delayMs === undefined ? READABLE_PACE : { wordMs: delayMs, withinMs: Infinity };
}

/** When the `index`th of `words` words is due, in ms after the first. */
export function wordDueAt(pace: Pace, words: number, index: number): number {
  if (words < 2) return 0;
  return index * Math.min(pace.wordMs, pace.withinMs / (words - 1));
}
