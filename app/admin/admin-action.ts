import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/admin/action-form";
import { requireAdmin, type CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

export type { ActionState };

/**
 * The frame of every admin server action: authorize on each call (an action is a public
 * endpoint), do the work, refresh the admin pages, and turn an AppError into a readable message.
 * Anything else is a real fault and propagates.
 */
export async function adminAction(work: (admin: CurrentUser) => Promise<string | ActionState>): Promise<ActionState> {
  try {
    const admin = await requireAdmin();
    const result = await work(admin);
    revalidatePath("/admin", "layout");
    return typeof result === "string" ? { message: result } : result;
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

export const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
