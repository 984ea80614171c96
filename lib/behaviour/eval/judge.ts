import { generateText } from "ai";
import { modelFor, type ChatModel } from "../../ai/models";
import { env } from "../../env";
import type { BehaviourSpec } from "../spec";
import type { Verdict } from "./checks";

/** The judge configured in the environment, or null: judge-only checks are then skipped, never passed. */
export function configuredJudge(): ChatModel | null {
  const e = env();
  if (!e.JUDGE_MODEL_PROVIDER || !e.JUDGE_MODEL) return null;
  return modelFor({ name: `judge:${e.JUDGE_MODEL_PROVIDER}:${e.JUDGE_MODEL}`, provider: e.JUDGE_MODEL_PROVIDER, model: e.JUDGE_MODEL, baseUrl: e.JUDGE_MODEL_BASE_URL ?? null });
}

const INSTRUCTIONS = `You grade answers of a company knowledge assistant against its required tone.
Judge only the tone and register, not whether the facts are right.
Reply with PASS or FAIL on the first line, then one sentence giving the reason.`;

export async function judgeTone(judge: ChatModel, spec: BehaviourSpec, question: string, answer: string): Promise<Verdict> {
  const { text } = await generateText({
    model: judge.model,
    instructions: INSTRUCTIONS,
    prompt: `Required tone: ${spec.tone}\n\nEmployee's question:\n${question}\n\nAssistant's answer:\n${answer}`,
  });
  const verdict = text.trim().match(/^\W*(PASS|FAIL)\b[\s:.-]*([\s\S]*)$/i);
  if (!verdict) return { status: "fail", reason: `The judge gave no verdict: "${text.trim().slice(0, 200)}"` };
  const reason = `Judge (${judge.id}): ${verdict[2]!.trim() || verdict[1]!.toUpperCase()}`;
  return { status: verdict[1]!.toUpperCase() === "PASS" ? "pass" : "fail", reason };
}
