"use server";

import { revalidatePath } from "next/cache";
import { reindexDocuments } from "@/lib/ingest/manage";
import { loadSamplePolicies } from "@/lib/samples/load";
import { adminAction, type ActionState } from "./admin-action";
import { documentFiltersSchema } from "./documents/filters";

export async function loadSamplesAction(): Promise<ActionState> {
  return adminAction(async (admin) => {
    const results = await loadSamplePolicies(admin.id);
    revalidatePath("/", "layout");
    const queued = results.filter((r) => r.outcome === "queued").length;
    if (queued === 0) return "The sample policies are already loaded: nothing changed.";
    return `Loading ${queued} sample ${queued === 1 ? "policy" : "policies"}: each can be asked about once it is ready.`;
  });
}

/** Re-indexes the documents the table's filters keep (`query`: the page's query string). */
export async function reindexShownAction(query: string): Promise<ActionState> {
  return adminAction(async (admin) => {
    const filters = documentFiltersSchema.parse(Object.fromEntries(new URLSearchParams(query)));
    const { queued, failed } = await reindexDocuments(admin, filters);
    if (queued === 0 && failed === 0) return "No document matches: nothing to re-index.";
    const documents = (n: number) => `${n} ${n === 1 ? "document" : "documents"}`;
    return `Re-indexing ${documents(queued)} as new versions${failed > 0 ? `; ${documents(failed)} could not be (deleted meanwhile)` : ""}. Answers use each one's current version until its new one is ready.`;
  });
}
