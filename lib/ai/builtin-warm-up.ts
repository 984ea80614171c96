import { specClassifier } from "../behaviour/classifier/topic-of";
import type { BehaviourSpec } from "../behaviour/spec";
import { currentSpec } from "../behaviour/spec-store";
import { buildSystemPrompt } from "./prompt";
import { resolveActiveModel } from "./registry";
import { parseSpecFromPrompt } from "./spec-prompt";

/**
 * Trains the un-tuned built-in model's behaviour classifier for a spec ahead of its first question,
 * which would otherwise wait for it (about a third of a second of CPU, blocking). The model reads
 * its spec back from the system prompt, so the classifier is trained on the spec as read back from
 * one: that is the cache key the first question looks up.
 */
export function warmSpecClassifier(spec: BehaviourSpec): void {
  specClassifier(parseSpecFromPrompt(buildSystemPrompt([], spec)) ?? spec);
}

/**
 * The warm-up at start: for the spec in force, when the un-tuned built-in model is active (another
 * model, or a fine-tuned built-in one, which loads its stored weights, needs none). Returns whether it warmed.
 */
export async function warmBuiltinBehaviour(): Promise<boolean> {
  const [active, { spec }] = await Promise.all([resolveActiveModel(), currentSpec()]);
  if (active.provider !== "builtin" || active.fineTuneJobId) return false;
  warmSpecClassifier(spec);
  return true;
}
