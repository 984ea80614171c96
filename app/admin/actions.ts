"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { loadSamplePolicies } from "@/lib/samples/load";

export async function loadSamplesAction(): Promise<void> {
  const admin = await requireAdmin();
  await loadSamplePolicies(admin.id);
  revalidatePath("/", "layout");
}
