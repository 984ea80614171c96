import type { ChatLine } from "@/db/schema";

/**
 * The checks a dataset passes before it is exported or trained on. Pure: it reads the frozen lines
 * and the provider's limits, so each rule can be tested on its own.
 */
export interface ProviderLimits {
  /** Tokens one example (system + user + assistant) may have: the base model's training context. */
  maxTokensPerExample: number;
  /** Training tokens one job may bill: tokens in the training file times epochs. */
  maxTrainingTokensPerJob: number;
  minTrainExamples: number;
}

/** OpenAI's limits for the GPT-4o and GPT-4.1 families (65,536-token training examples, at least 10 lines). */
export const OPENAI_LIMITS: ProviderLimits = { maxTokensPerExample: 65_536, maxTrainingTokensPerJob: 50_000_000, minTrainExamples: 10 };

export interface LineToCheck {
  line: ChatLine;
  tags: string[];
  split: "train" | "validation";
  tokens: number;
}

export interface Costing {
  baseModel: string;
  epochs: number;
  /** USD per 1M training tokens. */
  pricePerMillion: number;
}

export type CheckStatus = "pass" | "warn" | "fail";
export interface Check {
  id: "format" | "example-tokens" | "total-tokens" | "duplicates" | "size" | "balance" | "cost";
  status: CheckStatus;
  message: string;
}

export interface ValidationReport {
  ok: boolean;
  checks: Check[];
  stats: Costing & {
    examples: number;
    train: number;
    validation: number;
    trainTokens: number;
    validationTokens: number;
    maxExampleTokens: number;
    billedTokens: number;
    estimatedCostUsd: number;
    behaviours: Record<string, number>;
  };
}

const ROLES = ["system", "user", "assistant"] as const;
/** A behaviour above this share of the dataset drowns out the others. */
const MAX_BEHAVIOUR_SHARE = 0.7;

/** The behaviour an example teaches: refusing, escalating, saying "not found", or answering with citations. */
export function behaviourOf(tags: string[]): string {
  return tags.find((t) => t.startsWith("refuse:")) ?? tags.find((t) => t.startsWith("escalate:")) ?? (tags.includes("not-found") ? "not-found" : "answer");
}

function formatProblem(line: ChatLine): string | null {
  const messages = (line as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return "has no messages array";
  const roles = messages.map((m) => (m as { role?: unknown }).role);
  if (roles.length !== ROLES.length || roles.some((r, i) => r !== ROLES[i])) return `has roles ${JSON.stringify(roles)} instead of system, user, assistant`;
  if (messages.some((m) => typeof (m as { content?: unknown }).content !== "string" || !(m as { content: string }).content.trim())) return "has an empty message";
  return null;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export function validateDataset(lines: LineToCheck[], limits: ProviderLimits, costing: Costing, expectedBehaviours: string[]): ValidationReport {
  const checks: Check[] = [];
  const train = lines.filter((l) => l.split === "train");
  const validation = lines.filter((l) => l.split === "validation");

  const malformed = lines.flatMap((l, i) => {
    const problem = formatProblem(l.line);
    return problem ? [`line ${i + 1} ${problem}`] : [];
  });
  checks.push(malformed.length ? { id: "format", status: "fail", message: `${plural(malformed.length, "line")} not in chat format: ${malformed.slice(0, 3).join("; ")}.` } : { id: "format", status: "pass", message: "Every line is system, user, assistant with text." });

  const tooLong = lines.flatMap((l, i) => (l.tokens > limits.maxTokensPerExample ? [i + 1] : []));
  const maxExampleTokens = Math.max(0, ...lines.map((l) => l.tokens));
  checks.push(
    tooLong.length
      ? { id: "example-tokens", status: "fail", message: `${plural(tooLong.length, "example")} over ${limits.maxTokensPerExample.toLocaleString("en-US")} tokens (lines ${tooLong.slice(0, 5).join(", ")}): shorten their sources or answers.` }
      : { id: "example-tokens", status: "pass", message: `Largest example: ${plural(maxExampleTokens, "token")} (limit ${limits.maxTokensPerExample.toLocaleString("en-US")}).` },
  );

  const trainTokens = train.reduce((sum, l) => sum + l.tokens, 0);
  const validationTokens = validation.reduce((sum, l) => sum + l.tokens, 0);
  const billedTokens = trainTokens * costing.epochs;
  checks.push(
    billedTokens > limits.maxTrainingTokensPerJob
      ? { id: "total-tokens", status: "fail", message: `${plural(billedTokens, "training token")} (${trainTokens.toLocaleString("en-US")} x ${costing.epochs} epochs) exceed the ${limits.maxTrainingTokensPerJob.toLocaleString("en-US")} allowed per job: use fewer examples or epochs.` }
      : { id: "total-tokens", status: "pass", message: `${plural(trainTokens, "training token")}, ${plural(validationTokens, "validation token")}.` },
  );

  const seen = new Map<string, number>();
  const byQuestion = new Map<string, Set<string>>();
  let exact = 0;
  for (const l of lines) {
    const messages = Array.isArray(l.line.messages) ? l.line.messages : []; // malformed lines are reported above
    const key = JSON.stringify(messages);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key)! > 1) exact++;
    const question = String(messages[1]?.content ?? "").trim().toLowerCase().replace(/\s+/g, " ");
    byQuestion.set(question, (byQuestion.get(question) ?? new Set()).add(String(messages[2]?.content ?? "")));
  }
  const conflicting = [...byQuestion.values()].filter((answers) => answers.size > 1).length;
  checks.push(
    exact
      ? { id: "duplicates", status: "fail", message: `${plural(exact, "duplicate example")}: archive the copies.` }
      : conflicting
        ? { id: "duplicates", status: "warn", message: `${plural(conflicting, "question")} with different ideal answers: check they do not contradict each other.` }
        : { id: "duplicates", status: "pass", message: "No duplicates." },
  );

  checks.push(
    train.length < limits.minTrainExamples
      ? { id: "size", status: "fail", message: `${plural(train.length, "training example")}: at least ${limits.minTrainExamples} are required. Add or generate more examples.` }
      : validation.length === 0
        ? { id: "size", status: "warn", message: `${plural(train.length, "training example")} and no validation examples: the job cannot report validation loss.` }
        : { id: "size", status: "pass", message: `${plural(train.length, "training example")}, ${validation.length} for validation.` },
  );

  const behaviours: Record<string, number> = {};
  for (const l of lines) behaviours[behaviourOf(l.tags)] = (behaviours[behaviourOf(l.tags)] ?? 0) + 1;
  const missing = expectedBehaviours.filter((b) => !behaviours[b]);
  const [top, topCount] = Object.entries(behaviours).sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  checks.push(
    missing.length
      ? { id: "balance", status: "warn", message: `No examples for ${missing.join(", ")}: the model will not learn that behaviour.` }
      : lines.length && topCount / lines.length > MAX_BEHAVIOUR_SHARE
        ? { id: "balance", status: "warn", message: `"${top}" makes up ${Math.round((topCount / lines.length) * 100)}% of the examples: add examples of the other behaviours.` }
        : { id: "balance", status: "pass", message: `Behaviours: ${Object.entries(behaviours).map(([b, n]) => `${b} ${n}`).join(", ")}.` },
  );

  const estimatedCostUsd = Math.round((billedTokens / 1_000_000) * costing.pricePerMillion * 100) / 100;
  checks.push({ id: "cost", status: "pass", message: `About $${estimatedCostUsd.toFixed(2)}: ${billedTokens.toLocaleString("en-US")} tokens (${costing.epochs} epochs) at $${costing.pricePerMillion} per 1M on ${costing.baseModel}.` });

  return {
    ok: checks.every((c) => c.status !== "fail"),
    checks,
    stats: { ...costing, examples: lines.length, train: train.length, validation: validation.length, trainTokens, validationTokens, maxExampleTokens, billedTokens, estimatedCostUsd, behaviours },
  };
}
