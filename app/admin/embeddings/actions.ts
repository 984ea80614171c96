"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { cancelModelSwitch, dropModelVectors, startModelSwitch } from "@/lib/embeddings/switch";
import { AppError } from "@/lib/errors";

const modelId = z.string().min(1).max(200);
export type EmbeddingActionState = { error?: string; message?: string };

/** Shared shape of the three actions: admin only, a model id, a readable outcome. */
async function run(id: unknown, work: (admin: Awaited<ReturnType<typeof requireAdmin>>, id: string) => Promise<string>): Promise<EmbeddingActionState> {
  try {
    const admin = await requireAdmin();
    const message = await work(admin, modelId.parse(id));
    revalidatePath("/admin/embeddings");
    return { message };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    if (err instanceof z.ZodError) return { error: "Choose an embedding model." };
    throw err;
  }
}

export async function startSwitchAction(id: string) {
  return run(id, async (admin, model) => {
    await startModelSwitch(admin, model);
    return `Switching to ${model}: chunks are being embedded in the background; the current model keeps answering.`;
  });
}

export async function cancelSwitchAction(id: string) {
  return run(id, async (admin, model) => {
    await cancelModelSwitch(admin, model);
    return `Switch to ${model} cancelled.`;
  });
}

export async function dropVectorsAction(id: string) {
  return run(id, async (admin, model) => {
    await dropModelVectors(admin, model);
    return `Vectors of ${model} dropped.`;
  });
}
