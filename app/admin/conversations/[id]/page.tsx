import { notFound } from "next/navigation";
import { z } from "zod";
import { audit } from "@/lib/admin/audit";
import { conversationFeedback, findConversationForReview } from "@/db/queries/conversation-review";
import { listMessages } from "@/db/queries/conversations";
import { deletedDocumentIds } from "@/db/queries/documents";
import { AnswerView } from "@/components/chat/answer-view";
import { QuestionView } from "@/components/chat/question-view";
import { currentUser } from "@/lib/auth/session";
import type { ChatMessage } from "@/lib/chat/types";
import { db } from "@/lib/db";

/** Any user's conversation, read-only, for an admin following up an answer; every view is audited. */
export default async function ConversationReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const conversation = await findConversationForReview(db(), id);
  if (!conversation) notFound();
  await audit(db(), user, "conversation.view", { type: "conversation", id }, { owner: conversation.ownerEmail });
  const [rows, ratings] = await Promise.all([listMessages(db(), id), conversationFeedback(db(), id)]);
  const messages = rows.map((m) => ({ id: m.id, role: m.role, parts: m.parts, metadata: m.metadata ?? undefined }) as ChatMessage);
  const cited = messages.flatMap((m) => m.parts.flatMap((p) => (p.type === "data-sources" ? p.data.map((s) => s.documentId) : [])));
  const deleted = await deletedDocumentIds(db(), [...new Set(cited)]);
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">{conversation.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Conversation of {conversation.ownerName} ({conversation.ownerEmail}), started {conversation.createdAt.toISOString().slice(0, 10)}.
          Read-only; your viewing is recorded in the audit log.
        </p>
      </div>
      <div className="flex flex-col gap-6">
        {messages.map((m) => (
          <div key={m.id} id={`m-${m.id}`} className="flex scroll-mt-4 flex-col gap-2 rounded-lg p-2 target:ring-2 target:ring-amber-400">
            {m.role === "user" ? <QuestionView message={m} /> : <AnswerView message={m} streaming={false} deletedDocuments={deleted} readOnly />}
            {m.metadata?.notFound && <p className="text-xs font-medium text-amber-700 dark:text-amber-400">The assistant found no answer.</p>}
            {ratings
              .filter((r) => r.messageId === m.id)
              .map((r) => (
                <p key={r.userEmail} data-testid="rating" className="text-xs text-zinc-600 dark:text-zinc-400">
                  {r.rating === "down" ? "Thumbs down" : "Thumbs up"} from {r.userEmail}
                  {r.comment && `: “${r.comment}”`}
                </p>
              ))}
          </div>
        ))}
      </div>
    </section>
  );
}
