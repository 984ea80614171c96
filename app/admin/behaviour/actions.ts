"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { saveSpec, validateSpec, type SpecIssues } from "@/lib/behaviour/spec-store";
import { AppError } from "@/lib/errors";

export interface SpecFormState {
  message?: string;
  error?: string;
  issues?: SpecIssues;
}

export async function saveSpecAction(_: SpecFormState, form: FormData): Promise<SpecFormState> {
  try {
    const admin = await requireAdmin();
    let input: unknown;
    try {
      input = JSON.parse(String(form.get("spec") ?? ""));
    } catch {
      throw new AppError("bad_request", "The form could not be read. Reload the page and try again.");
    }
    const checked = validateSpec(input);
    if ("issues" in checked) return { error: "Fix the highlighted fields, then save again.", issues: checked.issues };
    const saved = await saveSpec(admin, checked.spec, String(form.get("note") ?? ""));
    revalidatePath("/admin/behaviour");
    return { message: `Saved as version ${saved.version}. It applies from the next question on.` };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}
