"use server";

import { requireUser } from "@/lib/auth/session";
import { findConversations, remove, rename } from "@/lib/chat/history";
import { AppError } from "@/lib/errors";

export interface ActionResult {
  error?: string;
}

async function run(action: () => Promise<void>): Promise<ActionResult> {
  try {
    await action();
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  return {};
}

export async function renameConversationAction(id: string, title: string): Promise<ActionResult> {
  return run(async () => rename(await requireUser(), id, title));
}

export async function deleteConversationAction(id: string): Promise<ActionResult> {
  return run(async () => remove(await requireUser(), id));
}

export async function searchConversationsAction(query: string): Promise<{ id: string; title: string }[]> {
  const user = await requireUser();
  const rows = await findConversations(user, String(query));
  return rows.map((r) => ({ id: r.id, title: r.title }));
}
