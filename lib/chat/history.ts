import { z } from "zod";
import { deleteConversation, listConversations, renameConversation, searchConversations } from "@/db/queries/conversations";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";

const id = z.uuid();
const title = z.string().trim().min(1, "Give the conversation a name.").max(120, "Names can be at most 120 characters.");

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "That is not valid.");
  return parsed.data;
}

/** The conversation list, or the ones matching a search of titles and message text. */
export async function findConversations(user: CurrentUser, query: string) {
  const q = query.trim().slice(0, 200);
  return q ? searchConversations(db(), user.id, q) : listConversations(db(), user.id);
}

export async function rename(user: CurrentUser, conversationId: unknown, newTitle: unknown) {
  const ok = await renameConversation(db(), user.id, parse(id, conversationId), parse(title, newTitle));
  if (!ok) throw new AppError("not_found", "This conversation does not exist.");
}

export async function remove(user: CurrentUser, conversationId: unknown) {
  const ok = await deleteConversation(db(), user.id, parse(id, conversationId));
  if (!ok) throw new AppError("not_found", "This conversation does not exist.");
}
