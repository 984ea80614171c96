"use server";

import { revalidatePath } from "next/cache";
import { loadSamplePolicies } from "@/lib/samples/load";
import { adminAction, type ActionState } from "./admin-action";

export async function loadSamplesAction(): Promise<ActionState> {
  return adminAction(async (admin) => {
    const results = await loadSamplePolicies(admin.id);
    revalidatePath("/", "layout");
    const queued = results.filter((r) => r.outcome === "queued").length;
    if (queued === 0) return "The sample policies are already loaded: nothing changed.";
    return `Loading ${queued} sample ${queued === 1 ? "policy" : "policies"}: each can be asked about once it is ready.`;
  });
}
