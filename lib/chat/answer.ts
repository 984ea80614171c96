import { convertToModelMessages, createUIMessageStream, streamText, toUIMessageStream, type ToolSet } from "ai";
import { titleFromQuestion } from "./conversation-title";
import { findConversation, historyBefore, listMessages, openTurn, saveTurn } from "@/db/queries/conversations";
import { buildSystemPrompt } from "../ai/prompt";
import { chatModel } from "../ai/models";
import { servingSpec } from "../behaviour/current-spec";
import { askerOf, type CurrentUser } from "../auth/user";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { AnswerTermStats } from "../retrieval/answer-term-stats";
import { retrieve, type RetrievedSource } from "../retrieval/retrieve";
import { standaloneQuery } from "../retrieval/rewrite";
import { snippetOf } from "../sources/snippet";
import { citedNumbers, verifyAnswerParts } from "./citations";
import { locateCitations, withCitedPlaces } from "./cited-sentences";
import { withFinishMetadata } from "./finish-metadata";
import { applyOutputPolicy, withOutputPolicy } from "./output-policy";
import type { ChatMessage, SourceRef } from "./types";
import { traced } from "../operations/tracing";

export interface AnswerRequest {
  user: CurrentUser;
  conversationId: string;
  message: ChatMessage;
  /** The client's request: when it goes away (Stop, tab closed), generation stops and the partial answer is kept. */
  abortSignal?: AbortSignal;
  /** A program reads the whole answer (evaluations, benchmarks): no pause between the built-in model's words. */
  unpaced?: boolean;
  /**
   * The client's word that nothing comes before this question in its conversation. Only a hint
   * (the history read from the database decides): the search for the question as written then
   * starts beside opening the turn instead of after it.
   */
  alone?: boolean;
}

export function questionText(message: ChatMessage): string {
  return message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("\n").trim();
}

/**
 * One turn of the chat: retrieve for this asker, stream sources then the answer, and on finish
 * verify the citations and store the turn. History is read from the database, never trusted
 * from the client.
 */
export async function answer({ user, conversationId, message, abortSignal, unpaced, alone }: AnswerRequest) {
  const question = questionText(message);
  if (!question) throw new AppError("bad_request", "Type a question first.");
  const max = env().QUESTION_MAX_CHARS;
  if (question.length > max) throw new AppError("bad_request", `Questions can be at most ${max} characters. Shorten it and ask again.`);

  // The index's word statistics are read once, by the search, and the built-in model finds them.
  const termStats = new AnswerTermStats();
  // The reads before the first token go together (the model and spec are cached, db/cached-reads.ts).
  const early = alone ? retrieve(askerOf(user), question, undefined, termStats) : undefined;
  early?.catch(() => undefined); // awaited below, or dropped when the turn does not open
  const [opened, model, { spec }] = await Promise.all([
    openTurn(db(), { userId: user.id, conversationId, messageId: message.id, title: titleFromQuestion(question) }), chatModel({ paced: !unpaced, termStats: (words) => termStats.read(db(), words) }), servingSpec(),
  ]);
  // Someone else's message id names nothing this user may touch (and would silently drop the question).
  if (opened.takenElsewhere) throw new AppError("not_found", "This message does not exist.");
  // Not owned: someone else's, or created by a request racing this one after the statement's
  // snapshot was taken; looked up again, as the rare case it is.
  const messages = opened.owned ? opened.messages : (await findConversation(db(), user.id, conversationId)) && (await listMessages(db(), conversationId));
  if (!messages) throw new AppError("not_found", "This conversation does not exist.");
  const turn = historyBefore(messages, message.id);
  if (!turn) throw new AppError("bad_request", "Only the last question can be edited or asked again.");
  const history = turn.history as ChatMessage[];

  // A follow-up ("what about contractors?") is searched for as a standalone question.
  const rewrite = await traced("chat.rewrite", {}, () => standaloneQuery(question, history.map((m) => ({ role: m.role, text: questionText(m) })), model));
  // The early search stands when the question is searched for as written (no history, or a follow-up that needs no rewrite).
  const { sources, keywordRanking, rerank, corrections, servedBy } = await (early && rewrite.query === question ? early : retrieve(askerOf(user), rewrite.query, undefined, termStats));
  const refs = sources.map(toSourceRef);
  const valid = new Set(refs.map((r) => r.n));
  const known = { notFound: spec.notFound, referrals: spec.refuse.map((t) => t.referral) };
  // One verdict for the streamed and the stored answer.
  const verify = <P extends { type: string }>(parts: P[]) => {
    const verified = verifyAnswerParts(parts, valid, known);
    // A question the documents could not answer: what the admin's analytics lists as a gap, and
    // where the chat offers the closest passages instead.
    return { ...verified, notFound: verified.cited.length === 0 && (refs.length === 0 || verified.notFound) };
  };
  // Where each citation points inside its passage; computed for every model, from the answer's text.
  const placesIn = (text: string, cited: number[]) => locateCitations(text, cited, (n) => sources[n - 1]);

  return createUIMessageStream<ChatMessage>({
    originalMessages: [...history, message],
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageMetadata: { model: model.id } });
      writer.write({ type: "data-sources", id: "sources", data: refs });
      const result = streamText({
        model: model.model,
        instructions: buildSystemPrompt(
          sources.map((s) => ({ n: s.n, title: s.title, headingPath: s.headingPath, page: s.page, text: s.text })), spec,
          rewrite.method === "none" ? undefined : rewrite.query,
        ),
        messages: await convertToModelMessages([...history, message]),
        abortSignal,
        // Traced when OpenTelemetry is on (lib/operations/tracing-setup.ts), without the text of
        // the question, the passages or the answer: a tracing backend knows no access rules.
        telemetry: { functionId: "chat", recordInputs: false, recordOutputs: false },
        // The chips move to the cited sentence's page and mark it: the sources part is updated in place.
        onEnd: ({ text }) => {
          const shown = applyOutputPolicy(text);
          writer.write({ type: "data-sources", id: "sources", data: withCitedPlaces(refs, placesIn(shown, citedNumbers(shown))) });
        },
      });
      const policed = withOutputPolicy(toUIMessageStream<ToolSet, ChatMessage>({ stream: result.stream, sendStart: false }));
      writer.merge(withFinishMetadata(policed, (text) => ({ notFound: verify([{ type: "text", text }]).notFound })));
    },
    onEnd: async ({ responseMessage, isAborted, isCancelled }) => {
      const verified = verify(responseMessage.parts.map((p) => (p.type === "text" ? { ...p, text: applyOutputPolicy(p.text) } : p)));
      const { cited, ungrounded, notFound } = verified;
      const places = placesIn(verified.text, cited);
      const parts = verified.parts.map((p) => (p.type === "data-sources" ? { ...p, data: withCitedPlaces(refs, places) } : p));
      await traced("chat.persist", { "groundwork.citations": cited.length }, () => saveTurn(db(), {
        conversationId,
        userMessage: { id: message.id, parts: message.parts },
        assistantMessage: {
          id: responseMessage.id,
          parts,
          model: model.id,
          metadata: { model: model.id, ungrounded, notFound, ...(isAborted || isCancelled ? { stopped: true } : {}) },
        },
        citations: cited.map((n) => {
          const s = sources[n - 1]!;
          const place = places.get(n);
          return { n, chunkId: s.chunkId, versionId: s.versionId, documentId: s.documentId, page: place?.page ?? null, spans: place?.spans ?? null };
        }),
        trace: {
          query: question,
          rewrittenQuery: rewrite.method === "none" ? null : rewrite.query,
          rerank: rerank ?? null,
          keywordRanking,
          corrections: corrections.length > 0 ? corrections : null,
          servedBy,
          results: sources.map((s) => ({
            n: s.n, chunkId: s.chunkId, keywordRank: s.keywordRank, vectorRank: s.vectorRank, exactRank: s.exactRank, score: s.score, rerankScore: s.rerankScore,
          })),
        },
      }));
    },
    onError: () => "The answer could not be completed. Please try again.",
  });
}

function toSourceRef(s: RetrievedSource): SourceRef {
  return {
    n: s.n,
    documentId: s.documentId,
    versionId: s.versionId,
    versionNumber: s.versionNumber,
    chunkId: s.chunkId,
    title: s.title,
    headingPath: s.headingPath,
    page: s.page,
    snippet: snippetOf(s.text, { headings: [s.title, ...s.headingPath] }),
  };
}
