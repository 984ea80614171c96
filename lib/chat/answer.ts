import { convertToModelMessages, createUIMessageStream, streamText, toUIMessageStream } from "ai";
import { ensureConversation, listMessages, messageIdTakenElsewhere, saveTurn } from "@/db/queries/conversations";
import { buildSystemPrompt } from "../ai/prompt";
import { chatModel } from "../ai/models";
import { askerOf, type CurrentUser } from "../auth/user";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { retrieve, type RetrievedSource } from "../retrieval/retrieve";
import { citedNumbers, removeInvalidMarkers } from "./citations";
import { applyOutputPolicy, withOutputPolicy } from "./output-policy";
import type { ChatMessage, SourceRef } from "./types";

const SNIPPET_CHARS = 280;

export interface AnswerRequest {
  user: CurrentUser;
  conversationId: string;
  message: ChatMessage;
}

export function questionText(message: ChatMessage): string {
  return message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("\n").trim();
}

/**
 * One turn of the chat: retrieve for this asker, stream sources then the answer, and on finish
 * verify the citations and store the turn. History is read from the database, never trusted
 * from the client.
 */
export async function answer({ user, conversationId, message }: AnswerRequest) {
  const question = questionText(message);
  if (!question) throw new AppError("bad_request", "Type a question first.");
  const max = env().QUESTION_MAX_CHARS;
  if (question.length > max) throw new AppError("bad_request", `Questions can be at most ${max} characters. Shorten it and ask again.`);

  // Someone else's message id names nothing this user may touch (and would silently drop the question).
  if (await messageIdTakenElsewhere(db(), message.id, conversationId)) throw new AppError("not_found", "This message does not exist.");
  const conversation = await ensureConversation(db(), user.id, conversationId, question.slice(0, 80));
  if (!conversation) throw new AppError("not_found", "This conversation does not exist.");
  const history = (await listMessages(db(), conversationId)) as ChatMessage[];

  const { sources, keywordRanking } = await retrieve(askerOf(user), question);
  const model = chatModel();
  const refs = sources.map(toSourceRef);

  return createUIMessageStream<ChatMessage>({
    originalMessages: [...history, message],
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageMetadata: { model: model.id } });
      writer.write({ type: "data-sources", id: "sources", data: refs });
      const result = streamText({
        model: model.model,
        instructions: buildSystemPrompt(sources.map((s) => ({ n: s.n, title: s.title, headingPath: s.headingPath, page: s.page, text: s.text }))),
        messages: await convertToModelMessages([...history, message]),
      });
      writer.merge(withOutputPolicy(toUIMessageStream({ stream: result.stream, sendStart: false })));
    },
    onEnd: async ({ responseMessage }) => {
      const valid = new Set(refs.map((r) => r.n));
      const parts = responseMessage.parts.map((p) => (p.type === "text" ? { ...p, text: applyOutputPolicy(removeInvalidMarkers(p.text, valid)) } : p));
      const text = parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
      const cited = citedNumbers(text).filter((n) => valid.has(n));
      // Sources were given and the answer says something, yet cites none of them.
      const ungrounded = cited.length === 0 && refs.length > 0 && text.length > 0 && !isNotFound(text);
      await saveTurn(db(), {
        conversationId,
        userMessage: { id: message.id, parts: message.parts },
        assistantMessage: {
          id: responseMessage.id,
          parts,
          model: model.id,
          metadata: { model: model.id, ungrounded },
        },
        citations: cited.map((n) => {
          const s = sources[n - 1]!;
          return { n, chunkId: s.chunkId, versionId: s.versionId, documentId: s.documentId };
        }),
        trace: {
          query: question,
          keywordRanking,
          results: sources.map((s) => ({ n: s.n, chunkId: s.chunkId, keywordRank: s.keywordRank, vectorRank: s.vectorRank, score: s.score })),
        },
      });
    },
    onError: () => "The answer could not be completed. Please try again.",
  });
}

function isNotFound(text: string): boolean {
  return /couldn't find|could not find|not (?:in|covered by) the (?:documents|sources)/i.test(text);
}

function toSourceRef(s: RetrievedSource): SourceRef {
  const snippet = s.text.length > SNIPPET_CHARS ? `${s.text.slice(0, SNIPPET_CHARS).trimEnd()}…` : s.text;
  return {
    n: s.n,
    documentId: s.documentId,
    versionId: s.versionId,
    versionNumber: s.versionNumber,
    chunkId: s.chunkId,
    title: s.title,
    headingPath: s.headingPath,
    page: s.page,
    snippet,
  };
}
