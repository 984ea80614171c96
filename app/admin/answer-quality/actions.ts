"use server";

import { z } from "zod";
import { queueAnswerEval } from "@/lib/evaluation/answer-eval-queue";
import { AppError } from "@/lib/errors";
import { adminAction, field, type ActionState } from "../admin-action";

const startSchema = z.object({
  set: z.string().min(1, "Choose a set."),
  modelId: z.union([z.literal(""), z.uuid("Choose a registered model.")]),
  limit: z.union([z.literal(""), z.coerce.number().int("The question limit is a whole number.").min(1, "The question limit is at least 1.")]),
});

export async function startAnswerEvalAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const parsed = startSchema.safeParse({ set: field(form, "set"), modelId: field(form, "modelId"), limit: field(form, "limit") });
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]!.message);
    const { set, modelId, limit } = parsed.data;
    const run = await queueAnswerEval(admin, { setName: set, modelId: modelId || undefined, limit: limit === "" ? undefined : limit });
    return `Evaluating ${run.modelName} on ${run.setName} (${run.questionsTotal} questions) in the background: its progress appears below.`;
  });
}
