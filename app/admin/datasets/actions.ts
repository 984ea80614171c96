"use server";

import { z } from "zod";
import { freezeDataset } from "@/lib/behaviour/datasets";
import { startFineTuneJob } from "@/lib/behaviour/fine-tune/jobs";
import { AppError } from "@/lib/errors";
import { adminAction, field, type ActionState } from "../admin-action";

const freezeSchema = z.object({
  note: z.string().max(200),
  baseModel: z.string().min(1, "Name the base model."),
  epochs: z.coerce.number().int().min(1, "Epochs: 1 to 25.").max(25, "Epochs: 1 to 25."),
  pricePerMillion: z.coerce.number().positive("The price per 1M tokens must be above 0."),
});

export async function freezeAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const parsed = freezeSchema.safeParse(Object.fromEntries(["note", "baseModel", "epochs", "pricePerMillion"].map((k) => [k, field(form, k)])));
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]!.message);
    const { note, ...costing } = parsed.data;
    const dataset = await freezeDataset(admin, { note: note || undefined, costing });
    return `Froze dataset version ${dataset.version}.`;
  });
}

const startSchema = z.object({
  datasetId: z.uuid(),
  provider: z.enum(["openai", "external", "builtin"]),
  baseModel: z.string(),
  suffix: z.string(),
  epochs: z.coerce.number().int().min(1).max(25),
});

export async function startFineTuneAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const parsed = startSchema.safeParse(Object.fromEntries(["datasetId", "provider", "baseModel", "suffix", "epochs"].map((k) => [k, field(form, k)])));
    if (!parsed.success) throw new AppError("bad_request", "Choose a provider, a base model and 1 to 25 epochs.");
    const job = await startFineTuneJob(admin, { ...parsed.data, baseModel: parsed.data.baseModel || undefined, suffix: parsed.data.suffix || undefined });
    if (job.provider === "builtin") return "Built-in fine-tune queued: the worker trains it here, in seconds; follow it on the Fine-tunes page.";
    return job.provider === "external"
      ? "External job created: download the JSONL, train, then register the endpoint on the Fine-tunes page."
      : "Fine-tuning job queued: the worker uploads the files and follows it on the Fine-tunes page.";
  });
}
