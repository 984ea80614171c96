"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireAdmin, type CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { deleteDocument, reindexDocument, retitleDocument, setReaders } from "@/lib/ingest/manage";

export interface ActionState {
  error?: string;
  message?: string;
}

const id = z.uuid();

/** Every action: authorize, validate the id, do the work, answer with a message a person can read. */
async function run(documentId: unknown, work: (id: string, admin: CurrentUser) => Promise<string | void>): Promise<ActionState> {
  try {
    const admin = await requireAdmin();
    const parsed = id.safeParse(documentId);
    if (!parsed.success) throw new AppError("not_found", "This document does not exist.");
    const message = await work(parsed.data, admin);
    revalidatePath(`/admin/documents/${parsed.data}`);
    return { message: message ?? "Saved." };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

export async function reindexAction(documentId: string): Promise<ActionState> {
  return run(documentId, async (docId, admin) => {
    const version = await reindexDocument(admin, docId);
    return `Re-indexing as version ${version.number}.`;
  });
}

export async function setReadersAction(documentId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return run(documentId, async (docId, admin) => {
    const typed = String(form.get("newGroup") ?? "").split(",").map((g) => g.trim()).filter(Boolean);
    const groups = [...form.getAll("group").map(String), ...typed];
    await setReaders(docId, form.get("everyone") === "on" ? { everyone: true } : { groups }, admin);
    return "Readers saved. They apply from the next question on.";
  });
}

export async function retitleAction(documentId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return run(documentId, async (docId, admin) => {
    await retitleDocument(admin, docId, form.get("title"));
    revalidatePath("/admin/documents"); // the table shows titles too
    return "Title saved.";
  });
}

export async function deleteAction(documentId: string): Promise<ActionState> {
  const state = await run(documentId, (docId, admin) => deleteDocument(docId, admin));
  if (state.error) return state;
  redirect("/admin/documents");
}
