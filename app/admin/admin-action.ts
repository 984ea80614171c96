import { revalidatePath } from "next/cache";
import { requireAdmin, type CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

export interface ActionState {
  error?: string;
  message?: string;
}

/**
 * The frame of every admin form action: authorize, do the work, refresh the page, answer with a
 * sentence. Expected failures (AppError) become the form's error; anything else is a real fault.
 */
export async function adminAction(path: string, work: (admin: CurrentUser) => Promise<string>): Promise<ActionState> {
  try {
    const admin = await requireAdmin();
    const message = await work(admin);
    revalidatePath(path);
    return { message };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

export const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
