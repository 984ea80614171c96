import type { APIRequestContext } from "@playwright/test";
import { sourceHref, sourceLinksIn, storedConversation, type Asked, type Source } from "./api";

/*
 * Every place a document's text could reach a user, probed after each question of the leak matrix
 * (e2e/leak-matrix.spec.ts). Adding a surface is one entry in PROBES; a surface that does not exist
 * yet is listed in PENDING_PROBES with what it waits for.
 */

export interface ProbeInput {
  /** The probing user's session. */
  request: APIRequestContext;
  /** Their question and the streamed answer. */
  asked: Asked;
  /** A chunk of the probed document, known from the administrator's own answer. */
  target: Source;
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

const get = async (request: APIRequestContext, url: string): Promise<Observation> => {
  const response = await request.get(url, { maxRedirects: 0 });
  return { body: await response.text(), status: response.status() };
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
  { kind: "viewer: cited chunk", deniedStatus: 404, idsInRequest: true, observe: async ({ request, target }) => [await get(request, sourceHref(target))] },
  {
    kind: "viewer: version",
    deniedStatus: 404,
    idsInRequest: true,
    observe: async ({ request, target }) => [await get(request, `/sources/${target.documentId}/${target.versionId}`)],
  },
];

/** Surfaces being built on other branches: add each to PROBES once merged. */
export const PENDING_PROBES = [
  { kind: "file download", waitsFor: "download route (sources-analytics): GET the original file of target.documentId/versionId, denied 404" },
  { kind: "citation details", waitsFor: "citation-details endpoint (sources-analytics): GET details of target.chunkId / asked message, denied 404" },
  { kind: "retrieval console", waitsFor: "/admin/retrieval (retrieval-quality): denied 404 for employees; the admin control must see the canary" },
  { kind: "conversation search", waitsFor: "chat search (chat-ux): search own history for the canary; must find nothing of other documents" },
  { kind: "regenerate", waitsFor: "regenerate (chat-ux): regenerate asked.messageId; scan the new answer like the chat answer" },
];
