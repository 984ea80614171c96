import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";

/*
 * Every endpoint that takes an id, for the IDOR sweep (e2e/idor.spec.ts): another user replays the
 * owner's ids on each and must get 404, exactly as for an id that never existed. Adding an endpoint
 * is one entry in ENDPOINTS.
 *
 * Not replayed here, and why: stop is the client closing its own request; regenerate and edit are
 * "POST /api/chat reusing the question's id" below; conversation search, rename and delete are server
 * actions scoped by user in SQL (lib/chat/history.test.ts); /admin/conversations/[id] is the admins'
 * audited review of any conversation, 404 for everyone else (proxy-bypass and analytics specs).
 */

/** The owner's ids: their conversation, their question and its answer, and what the answer cited. */
export interface OwnedIds {
  conversationId: string;
  messageId: string;
  answerId: string;
  documentId: string;
  versionId: string;
  chunkId: string;
}

export interface IdorEndpoint {
  name: string;
  /**
   * Which ids the endpoint is about. "conversation" ids belong to one user: nobody else, not even an
   * administrator, may use them. "document" ids are shared by readers: administrators read everything.
   */
  scope: "conversation" | "document";
  /** The control: what the owner gets from the same call (unset when the call would change their data). */
  ownerGets?: number;
  call(api: APIRequestContext, ids: OwnedIds): Promise<APIResponse>;
}

const chat = (api: APIRequestContext, conversationId: string, messageId: string) =>
  api.post("/api/chat", { data: { id: conversationId, message: { id: messageId, role: "user", parts: [{ type: "text", text: "And the rest?" }] } } });

const page = (api: APIRequestContext, url: string) => api.get(url, { maxRedirects: 0 });

export const ENDPOINTS: IdorEndpoint[] = [
  { name: "GET /c/[conversation]", scope: "conversation", ownerGets: 200, call: (api, ids) => page(api, `/c/${ids.conversationId}`) },
  { name: "POST /api/chat into the conversation", scope: "conversation", call: (api, ids) => chat(api, ids.conversationId, randomUUID()) },
  { name: "POST /api/chat reusing the question's id", scope: "conversation", call: (api, ids) => chat(api, randomUUID(), ids.messageId) },
  { name: "POST /api/chat reusing the answer's id", scope: "conversation", call: (api, ids) => chat(api, randomUUID(), ids.answerId) },
  { name: "GET /sources/[document]/[version]?chunk=", scope: "document", ownerGets: 200, call: (api, ids) => page(api, `/sources/${ids.documentId}/${ids.versionId}?chunk=${ids.chunkId}`) },
  { name: "GET /sources/[document]/[version]", scope: "document", ownerGets: 200, call: (api, ids) => page(api, `/sources/${ids.documentId}/${ids.versionId}`) },
  { name: "GET /admin/documents/[document]", scope: "document", call: (api, ids) => page(api, `/admin/documents/${ids.documentId}`) },
  { name: "GET /sources/[document]/[version]/file", scope: "document", ownerGets: 200, call: (api, ids) => page(api, `/sources/${ids.documentId}/${ids.versionId}/file`) },
  { name: "GET /api/conversations/[conversation]/export", scope: "conversation", ownerGets: 200, call: (api, ids) => page(api, `/api/conversations/${ids.conversationId}/export`) },
  { name: "GET /api/citations/[answer]/1", scope: "conversation", ownerGets: 200, call: (api, ids) => page(api, `/api/citations/${ids.answerId}/1`) },
  {
    name: "PUT /api/messages/[answer]/feedback",
    scope: "conversation",
    call: (api, ids) => api.put(`/api/messages/${ids.answerId}/feedback`, { data: { rating: "down", comment: "not mine" } }),
  },
];

/** Role-gated endpoints answer 403 to employees before looking at any id (same answer for every id). */
export const ROLE_GATED: IdorEndpoint[] = [
  {
    name: "POST /api/documents as a new version of the document",
    scope: "document",
    call: (api, ids) => {
      const form = new FormData();
      form.append("file", new Blob(["# Replaced\n\nNew text."], { type: "text/markdown" }), "replaced.md");
      form.append("documentId", ids.documentId);
      return api.post("/api/documents", { multipart: form });
    },
  },
];

/** Ids of the same shapes that never existed: what an unknown id looks like to each endpoint. */
export function unknownIds(): OwnedIds {
  return {
    conversationId: randomUUID(),
    messageId: randomUUID(),
    answerId: `never-${randomUUID()}`,
    documentId: randomUUID(),
    versionId: randomUUID(),
    chunkId: randomUUID(),
  };
}
