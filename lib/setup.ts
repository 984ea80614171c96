import { countDocuments } from "@/db/queries/documents";
import { setupProgress, type SetupProgress } from "@/db/queries/setup-progress";
import { db } from "./db";

export async function hasDocuments(): Promise<boolean> {
  return (await countDocuments(db())) > 0;
}

/** What the first-run page marks as done: documents, people, connected models. */
export async function firstRunProgress(): Promise<SetupProgress> {
  return setupProgress(db());
}
