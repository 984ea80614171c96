import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { findConversation, listMessages } from "@/db/queries/conversations";
import { deletedDocumentIds } from "@/db/queries/documents";
import { feedbackFor } from "@/db/queries/feedback";
import { Chat } from "@/components/chat/chat";
import { currentUser } from "@/lib/auth/session";
import type { ChatMessage } from "@/lib/chat/types";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  // Scoped by user: someone else's conversation id is simply not found.
  const conversation = await findConversation(db(), user.id, id);
  if (!conversation) notFound();
  const messages = (await listMessages(db(), id)).map(
    (m) => ({ id: m.id, role: m.role, parts: m.parts, metadata: m.metadata ?? undefined }) as ChatMessage,
  );
  const cited = messages.flatMap((m) => m.parts.flatMap((p) => (p.type === "data-sources" ? p.data.map((s) => s.documentId) : [])));
  const [deleted, feedback] = await Promise.all([
    deletedDocumentIds(db(), [...new Set(cited)]),
    feedbackFor(db(), user.id, messages.flatMap((m) => (m.role === "assistant" ? [m.id] : []))),
  ]);
  return <Chat key={id} id={id} initialMessages={messages} deletedDocuments={deleted} initialFeedback={Object.fromEntries(feedback)} maxQuestionChars={env().QUESTION_MAX_CHARS} title={conversation.title} />;
}
