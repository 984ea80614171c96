"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage } from "@/lib/chat/types";
import { AnswerView, type Feedback } from "./answer-view";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { titleFromQuestion } from "@/lib/chat/conversation-title";
import { stopOnceAnswered } from "@/lib/chat/stop-once-answered";
import { announceConversationsChanged, CONVERSATIONS_CHANGED, type Retitled } from "./conversation-events";
import { QuestionView } from "./question-view";
import { StarterQuestions } from "./starter-questions";
import { useStarters } from "./use-starters";

interface Props {
  id: string;
  initialMessages: ChatMessage[];
  /** Documents cited in this conversation that have since been deleted. */
  deletedDocuments?: string[];
  /** This user's earlier ratings of the answers, by message id. */
  initialFeedback?: Record<string, Feedback>;
  /** Offered on the empty screen; while there are none, asked for again until documents are ready. */
  starters?: string[];
  /** The longest question the server accepts (QUESTION_MAX_CHARS). */
  maxQuestionChars: number;
  /** The saved conversation's title; a new chat has none yet. */
  title?: string;
}

export function Chat({ id, initialMessages, deletedDocuments = [], initialFeedback = {}, starters = [], maxQuestionChars, title }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  // The question in flight: put back in the box if the server refuses it, so it is not lost.
  const sent = useRef("");
  const { messages, setMessages, sendMessage, regenerate, status, stop } = useChat<ChatMessage>({
    id,
    messages: initialMessages,
    transport: new DefaultChatTransport({
      api: "/api/chat",
      // Only the question travels (new, edited, or asked again): the server reads the history from the database.
      // `alone`: nothing before the question, so the server may start its search early.
      prepareSendMessagesRequest: ({ id, messages }) => ({ body: { id, message: messages.findLast((m) => m.role === "user"), alone: messages.findLastIndex((m) => m.role === "user") === 0 } }),
      // A stop the moment a question is sent still reaches the server with the question, so the turn is stored.
      fetch: stopOnceAnswered(),
    }),
    onError: (err) => {
      setError(readableError(err));
      setDraft((text) => text || sent.current);
    },
    onFinish: () => announceConversationsChanged(),
  });
  // The header follows the conversation's name: the first question names a new chat (as the
  // server does when it stores it), and a rename in the sidebar renames it here too.
  const [shownTitle, setShownTitle] = useState(title);
  useEffect(() => {
    const onChange = (e: Event) => {
      const retitled = (e as CustomEvent<Retitled | undefined>).detail;
      if (retitled?.id === id) setShownTitle(retitled.title);
    };
    window.addEventListener(CONVERSATIONS_CHANGED, onChange);
    return () => window.removeEventListener(CONVERSATIONS_CHANGED, onChange);
  }, [id]);
  const busy = status === "submitted" || status === "streaming";
  const shownStarters = useStarters(starters, messages.length === 0);

  // The server marks the stored answer stopped when the request goes away; show the same here,
  // also when no word had arrived yet (the server stores that empty answer as stopped too).
  const stopAnswer = useCallback(async () => {
    await stop();
    setMessages((all) =>
      all.at(-1)?.role === "assistant"
        ? all.map((m, i) => (i === all.length - 1 ? { ...m, metadata: { ...m.metadata, stopped: true } } : m))
        : [...all, { id: `stopped-${crypto.randomUUID()}`, role: "assistant", parts: [], metadata: { stopped: true } }],
    );
    announceConversationsChanged();
  }, [stop, setMessages]);

  // Escape stops the answer from anywhere on the page, as the Stop button does.
  useEffect(() => {
    if (!busy) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") void stopAnswer();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, stopAnswer]);

  const ask = (text: string) => {
    setError(null);
    sent.current = text;
    setDraft("");
    if (messages.length === 0) {
      window.history.replaceState(null, "", `/c/${id}`);
      setShownTitle((current) => current ?? titleFromQuestion(text));
    }
    void sendMessage({ text });
  };
  const lastQuestion = messages.findLast((m) => m.role === "user");
  const lastAnswer = messages.at(-1)?.role === "assistant" ? messages.at(-1) : undefined;

  return (
    <div className="flex h-full flex-col">
      <ChatHeader title={shownTitle ?? "New chat"} exportUrl={messages.length > 0 && !busy ? `/api/conversations/${id}/export` : undefined} />
      <div className="flex-1 overflow-y-auto px-4 py-6">
        <div className="mx-auto flex max-w-3xl flex-col gap-6">
          {messages.length === 0 && <StarterQuestions questions={shownStarters} onAsk={ask} />}
          {messages.map((m) =>
            m.role === "user" ? (
              <QuestionView
                key={m.id}
                message={m}
                onEdit={
                  m.id === lastQuestion?.id && !busy
                    ? (text) => {
                        setError(null);
                        void sendMessage({ text, messageId: m.id });
                      }
                    : undefined
                }
              />
            ) : (
              <AnswerView
                key={m.id}
                message={m}
                streaming={busy && m.id === lastAnswer?.id}
                deletedDocuments={deletedDocuments}
                feedback={initialFeedback[m.id]}
                onRegenerate={
                  m.id === lastAnswer?.id && !busy
                    ? () => {
                        setError(null);
                        void regenerate();
                      }
                    : undefined
                }
              />
            ),
          )}
          {status === "submitted" && (
            <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              Searching the documents…
            </p>
          )}
        </div>
      </div>
      <Composer busy={busy} text={draft} onTextChange={setDraft} maxChars={maxQuestionChars} error={error} onStop={() => void stopAnswer()} onSend={ask} />
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
