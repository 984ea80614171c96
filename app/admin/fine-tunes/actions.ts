"use server";

import { z } from "zod";
import { cancelFineTuneJob, registerExternalEndpoint } from "@/lib/behaviour/fine-tune/jobs";
import { AppError } from "@/lib/errors";
import { adminAction, field, type ActionState } from "../admin-action";


function jobId(form: FormData): string {
  const id = z.uuid().safeParse(field(form, "jobId"));
  if (!id.success) throw new AppError("not_found", "This fine-tuning job does not exist.");
  return id.data;
}

export async function cancelAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const job = await cancelFineTuneJob(admin, jobId(form));
    return job.status === "cancelled" ? "Cancelled." : `Cancellation requested; the provider reports ${job.status}.`;
  });
}

export async function registerEndpointAction(_: ActionState, form: FormData): Promise<ActionState> {
  return adminAction(async (admin) => {
    const model = await registerExternalEndpoint(admin, jobId(form), { baseUrl: field(form, "baseUrl"), model: field(form, "model"), name: field(form, "name") });
    return `Registered "${model.name}" as a candidate model.`;
  });
}
