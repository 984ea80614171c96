import { setupProgress, type SetupProgress } from "@/db/queries/setup-progress";
import { db } from "./db";

/** Whether any document is live: the chat page offers the sample policies to an admin until one is. */
export async function hasDocuments(): Promise<boolean> {
  return (await setupProgress(db())).documents > 0;
}

/** What the first-run page marks as done: documents, people, connected models. */
export async function firstRunProgress(): Promise<SetupProgress> {
  return setupProgress(db());
}
