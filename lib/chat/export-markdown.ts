import { findConversation, listMessages } from "@/db/queries/conversations";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { citedNumbers } from "./citations";
import type { ChatMessage, SourceRef } from "./types";

interface ExportedMessage {
  role: string;
  parts: unknown[];
  metadata?: ChatMessage["metadata"] | null;
}

const textOf = (m: ExportedMessage) => (m.parts as ChatMessage["parts"]).flatMap((p) => (p.type === "text" ? [p.text] : [])).join("").trim();
const sourcesOf = (m: ExportedMessage) => (m.parts as ChatMessage["parts"]).flatMap((p) => (p.type === "data-sources" ? p.data : []));

/** "Title, page 3": what a reader needs to find the passage again. */
const sourceLine = (s: SourceRef) => `${s.n}. ${s.title}${s.page ? `, page ${s.page}` : ""}`;

/**
 * A conversation as Markdown: each question, its answer with the [n] markers as shown, and the
 * sources the answer cites as a list numbered like those markers.
 */
export function conversationMarkdown(title: string, messages: ExportedMessage[]): string {
  const out = [`# ${title.replace(/\s+/g, " ").trim()}`, ""];
  for (const m of messages) {
    if (m.role === "user") {
      out.push("## Question", "", textOf(m), "");
      continue;
    }
    if (m.role !== "assistant") continue;
    const text = textOf(m);
    out.push("### Answer", "", text || "_No answer._", "");
    if (m.metadata?.stopped) out.push("_Stopped before the answer was complete._", "");
    const byNumber = new Map(sourcesOf(m).map((s) => [s.n, s]));
    const cited = citedNumbers(text).flatMap((n) => byNumber.get(n) ?? []).sort((a, b) => a.n - b.n);
    if (cited.length > 0) out.push("#### Sources", "", ...cited.map(sourceLine), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** The owner's conversation as a Markdown file; anyone else's, or none, is not found (never "forbidden": ids are not confirmed). */
export async function exportConversation(user: CurrentUser, conversationId: string) {
  const conversation = await findConversation(db(), user.id, conversationId);
  if (!conversation) throw new AppError("not_found", "This conversation does not exist.");
  const messages = await listMessages(db(), conversation.id);
  const slug = conversation.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "conversation";
  return { filename: `${slug}.md`, markdown: conversationMarkdown(conversation.title, messages) };
}
