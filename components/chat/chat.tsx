"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ChatMessage } from "@/lib/chat/types";
import { Composer } from "./composer";
import { MessageView } from "./message-view";

interface Props {
  id: string;
  initialMessages: ChatMessage[];
  /** Documents cited in this conversation that have since been deleted. */
  deletedDocuments?: string[];
}

export function Chat({ id, initialMessages, deletedDocuments = [] }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { messages, sendMessage, status, stop } = useChat<ChatMessage>({
    id,
    messages: initialMessages,
    transport: new DefaultChatTransport({
      api: "/api/chat",
      // Only the new message travels: the server reads the history from the database.
      prepareSendMessagesRequest: ({ id, messages }) => ({ body: { id, message: messages[messages.length - 1] } }),
    }),
    onError: (err) => setError(readableError(err)),
    onFinish: () => router.refresh(),
  });
  const busy = status === "submitted" || status === "streaming";

  return (
    <div className="flex h-full flex-col">
      <div className="flex-1 overflow-y-auto px-4 py-6" aria-live="polite">
        <div className="mx-auto flex max-w-3xl flex-col gap-6">
          {messages.length === 0 && (
            <p className="mt-16 text-center text-zinc-500">Ask a question about your company&apos;s policies.</p>
          )}
          {messages.map((m) => (
            <MessageView key={m.id} message={m} streaming={busy && m.id === messages[messages.length - 1]?.id} deletedDocuments={deletedDocuments} />
          ))}
          {status === "submitted" && <p className="text-sm text-zinc-500">Searching the documents…</p>}
          {error && (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
              {error}
            </p>
          )}
        </div>
      </div>
      <Composer
        busy={busy}
        onStop={stop}
        onSend={(text) => {
          setError(null);
          if (messages.length === 0) window.history.replaceState(null, "", `/c/${id}`);
          void sendMessage({ text });
        }}
      />
    </div>
  );
}

function readableError(err: Error): string {
  try {
    const body = JSON.parse(err.message) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not a JSON error body
  }
  return "The answer could not be loaded. Check your connection and try again.";
}
