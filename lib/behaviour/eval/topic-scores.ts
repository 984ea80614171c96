import { ANSWER_LABEL, escalateLabel, refuseLabel } from "../classifier/seed";
import type { BehaviourSpec } from "../spec";
import type { GoldenCase } from "./cases";

export interface TopicScore {
  label: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Null when the model never chose the topic (precision) or no case belongs to it (recall). */
  precision: number | null;
  recall: number | null;
}

/** Which topic an answer acted on: its referral means refused, its message escalated. */
export function actedLabel(output: string, spec: BehaviourSpec): string {
  const refused = spec.refuse.find((t) => output.includes(t.referral));
  if (refused) return refuseLabel(refused.id);
  const escalated = spec.escalate.find((t) => output.includes(t.message));
  return escalated ? escalateLabel(escalated.id) : ANSWER_LABEL;
}

/**
 * Precision and recall of each refuse and escalate topic over a run's cases: how often refusing or
 * escalating was right, and how many of the topic's questions were caught.
 */
export function topicScores(cases: GoldenCase[], outputs: Map<string, string>, spec: BehaviourSpec): TopicScore[] {
  const pairs = cases.flatMap((c) => (outputs.has(c.id) ? [{ truth: c.label, acted: actedLabel(outputs.get(c.id)!, spec) }] : []));
  const labels = [...spec.refuse.map((t) => refuseLabel(t.id)), ...spec.escalate.map((t) => escalateLabel(t.id))];
  return labels.map((label) => {
    const tp = pairs.filter((p) => p.truth === label && p.acted === label).length;
    const fp = pairs.filter((p) => p.truth !== label && p.acted === label).length;
    const fn = pairs.filter((p) => p.truth === label && p.acted !== label).length;
    return { label, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null };
  });
}

export function formatTopicScores(scores: TopicScore[]): string {
  const f = (x: number | null) => (x == null ? "n/a" : x.toFixed(2));
  return ["topic                  precision  recall  (tp/fp/fn)", ...scores.map((s) => `${s.label.padEnd(22)} ${f(s.precision).padStart(9)} ${f(s.recall).padStart(7)}  (${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`)].join("\n");
}
