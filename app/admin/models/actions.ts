"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireAdmin, type CurrentUser } from "@/lib/auth/session";
import { queueBehaviourEval } from "@/lib/behaviour/eval/run";
import { promoteModel, registerBaseModel, rollbackModel } from "@/lib/behaviour/promotion";
import { readModelRegistration } from "@/lib/ai/model-registration";
import { AppError } from "@/lib/errors";

export interface ActionState {
  error?: string;
  message?: string;
}

/** Every action: authorize, do the work, answer with a message a person can read. */
async function run(work: (admin: CurrentUser) => Promise<string>): Promise<ActionState> {
  try {
    const message = await work(await requireAdmin());
    revalidatePath("/admin", "layout"); // the models page, and the first-run page's model step
    return { message };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

const modelId = z.uuid();
const parseId = (id: unknown) => {
  const parsed = modelId.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "This model is not in the registry.");
  return parsed.data;
};

export async function runEvalAction(id: string): Promise<ActionState> {
  return run(async (admin) => {
    const { run, modelName } = await queueBehaviourEval({ modelId: parseId(id), createdBy: admin.id });
    return `Evaluating ${modelName} on spec version ${run.specVersion} in the background: its ${run.casesTotal} cases' results appear here.`;
  });
}

export async function promoteAction(id: string, _: ActionState, form: FormData): Promise<ActionState> {
  let promoted = "";
  const state = await run(async (admin) => (promoted = (await promoteModel(admin, parseId(id), String(form.get("reason") ?? ""))).name));
  if (state.error) return state;
  // The candidate view closes once the candidate is active: say so on the page it returns to.
  redirect(`/admin/models?promoted=${encodeURIComponent(promoted)}`);
}

export async function rollbackAction(): Promise<ActionState> {
  return run(async (admin) => `Rolled back: ${(await rollbackModel(admin)).name} is the active model again.`);
}

export async function registerModelAction(_: ActionState, form: FormData): Promise<ActionState> {
  return run(async (admin) => {
    const row = await registerBaseModel(admin, readModelRegistration(form));
    return `Registered ${row.name}. Run its behaviour evaluation before promoting it.`;
  });
}
