import type { APIRequestContext } from "@playwright/test";
import { sourceHref, sourceLinksIn, storedConversation, type Asked, type Source } from "./api";

/*
 * Every place a document's text could reach a user, probed after each question of the leak matrix
 * (e2e/leak-matrix.spec.ts). Adding a surface is one entry in PROBES. Not probed here: conversation
 * search, a server action scoped by user in SQL (lib/chat/history.test.ts); regenerate, which runs
 * the same answer path as asking.
 */

export interface ProbeInput {
  /** The probing user's session. */
  request: APIRequestContext;
  /** Their question and the streamed answer. */
  asked: Asked;
  /** A chunk of the probed document, known from the administrator's own answer. */
  target: Source;
  /** The question asked. */
  question: string;
}

export interface Observation {
  /** What came back, scanned for the canaries (and ids) of every document the user may not read. */
  body: string;
  status: number;
}

export interface LeakProbe {
  kind: string;
  observe(input: ProbeInput): Promise<Observation[]>;
  /** When the probed document is not readable: the status each observation must have. */
  deniedStatus?: number;
  /** The request itself names the document's ids (a 404 page may echo its URL): scan canaries only. */
  idsInRequest?: boolean;
}

const get = async (request: APIRequestContext, url: string, retried = false): Promise<Observation> => {
  try {
    const response = await request.get(url, { maxRedirects: 0 });
    return { body: await response.text(), status: response.status() };
  } catch (err) {
    // A kept-alive connection the server closed (idle 5 s) as the request went out on it: a
    // browser sends such a GET again on a new connection, and so does the probe, once.
    if (retried || !String(err).includes("ECONNRESET")) throw err;
    return get(request, url, true);
  }
};

export const PROBES: LeakProbe[] = [
  { kind: "chat answer", observe: async ({ asked }) => [{ body: asked.text, status: asked.status }] },
  { kind: "sources part", observe: async ({ asked }) => [{ body: JSON.stringify(asked.sources), status: asked.status }] },
  { kind: "whole chat response", observe: async ({ asked }) => [{ body: asked.raw, status: asked.status }] },
  {
    kind: "history page",
    observe: async ({ request, asked }) => [{ body: await storedConversation(request, asked.conversationId), status: 200 }],
  },
  {
    kind: "citation links",
    // Every viewer link the user was given: in the streamed sources and in the stored conversation.
    observe: async ({ request, asked }) => {
      const page = await storedConversation(request, asked.conversationId);
      const links = new Set([...asked.sources.map(sourceHref), ...sourceLinksIn(page)]);
      return Promise.all([...links].map((l) => get(request, l)));
    },
  },
  { kind: "conversation list", observe: async ({ request }) => [await get(request, "/")] },
  { kind: "exported conversation", observe: async ({ request, asked }) => [await get(request, `/api/conversations/${asked.conversationId}/export`)] },
  { kind: "viewer: cited chunk", deniedStatus: 404, idsInRequest: true, observe: async ({ request, target }) => [await get(request, sourceHref(target))] },
  {
    kind: "viewer: version",
    deniedStatus: 404,
    idsInRequest: true,
    observe: async ({ request, target }) => [await get(request, `/sources/${target.documentId}/${target.versionId}`)],
  },
  {
    kind: "file download",
    deniedStatus: 404,
    idsInRequest: true,
    observe: async ({ request, target }) => [await get(request, `/sources/${target.documentId}/${target.versionId}/file`)],
  },
  {
    kind: "citation details",
    // Every citation of the user's own answer: each must describe only what they may read.
    observe: async ({ request, asked }) =>
      asked.answerId ? Promise.all(asked.sources.map((s) => get(request, `/api/citations/${asked.answerId}/${s.n}`))) : [],
  },
  {
    kind: "retrieval console",
    // Administrators only: everyone else gets 404, whatever they ask.
    deniedStatus: 404,
    observe: async ({ request, question }) => [await get(request, `/admin/retrieval?q=${encodeURIComponent(question)}`)],
  },
];
