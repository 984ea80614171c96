import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { runningEmbeddedServer } from "../../db/embedded-server";
import { ADMIN } from "../accounts";
import { AuthPages } from "../pages/auth";

/*
 * What the security specs do through HTTP, as a browser or an attacker would: sign in, upload,
 * ask, and read the streamed answer. Only group membership, which has no UI yet, goes to the database.
 */

export interface Source {
  n: number;
  documentId: string;
  versionId: string;
  chunkId: string;
  title: string;
  snippet: string;
}

export interface Asked {
  status: number;
  conversationId: string;
  messageId: string;
  /** The answer's id, from the stream's start part. */
  answerId?: string;
  /** The answer as streamed (before the stored copy's citation check and output policy). */
  text: string;
  sources: Source[];
  /** The raw response body: every byte the server sent for this question. */
  raw: string;
}

export interface Account {
  name: string;
  email: string;
  password: string;
  context: BrowserContext;
  page: Page;
  request: APIRequestContext;
}

const PASSWORD = "correct horse battery";

export async function signInAdmin(browser: Browser): Promise<Account> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  return { ...ADMIN, context, page, request: context.request };
}

export async function registerUser(browser: Browser, name: string): Promise<Account> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}-${randomUUID().slice(0, 8)}@example.com`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).register(name, email, PASSWORD);
  return { name, email, password: PASSWORD, context, page, request: context.request };
}

/** The test server's own database, for what the UI cannot do or show yet. */
async function withTestDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const dataDir = process.env.E2E_DATA_DIR;
  const url = dataDir && runningEmbeddedServer(dataDir);
  if (!url) throw new Error(`No embedded test database is running for ${dataDir}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Adds users to groups by name (created if missing): the one setup step without a UI yet. */
export function addToGroups(email: string, groups: string[]) {
  return withTestDb(async (client) => {
    for (const name of groups) await client.query("INSERT INTO groups (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", [name]);
    await client.query(
      `INSERT INTO user_groups (user_id, group_id)
       SELECT u.id, g.id FROM users u, groups g WHERE u.email = $1 AND g.name = ANY($2::text[]) ON CONFLICT DO NOTHING`,
      [email, groups],
    );
  });
}

/** The answers of a conversation exactly as stored (the text parts), to check what is kept, not only shown. */
export function storedAnswers(conversationId: string): Promise<string[]> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ parts: { type: string; text?: string }[] }>(
      "SELECT parts FROM messages WHERE conversation_id = $1 AND role = 'assistant' ORDER BY created_at",
      [conversationId],
    );
    return rows.map((r) => r.parts.flatMap((p) => (p.type === "text" ? [p.text ?? ""] : [])).join(""));
  });
}

/** The id of a conversation's latest stored answer: what citation details are addressed by. */
export function latestAnswerId(conversationId: string): Promise<string | undefined> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      "SELECT id FROM messages WHERE conversation_id = $1 AND role = 'assistant' ORDER BY created_at DESC LIMIT 1",
      [conversationId],
    );
    return rows[0]?.id;
  });
}

export interface Upload {
  name: string;
  content: string | Buffer;
  mimeType: string;
  /** Reader groups; none means everyone. */
  groups?: string[];
}

export interface Uploaded {
  documentId: string;
  versionId: string;
  filename: string;
}

/** Uploads through the admin API and waits until the document is indexed. */
export async function upload(admin: APIRequestContext, file: Upload): Promise<Uploaded> {
  // FormData, because reader groups are one repeated "group" field.
  const form = new FormData();
  const bytes = typeof file.content === "string" ? Buffer.from(file.content) : file.content;
  form.append("file", new Blob([new Uint8Array(bytes)], { type: file.mimeType }), file.name);
  for (const g of file.groups ?? []) form.append("group", g);
  const response = await admin.post("/api/documents", { multipart: form });
  expect(response.status(), await response.text()).toBe(202);
  const result = (await response.json()) as Uploaded;
  await expect
    .poll(
      async () => {
        const list = await admin.get(`/api/documents?q=${encodeURIComponent(result.filename)}`);
        const { documents } = (await list.json()) as { documents: { id: string; latestStatus: string; latestError: string | null }[] };
        const row = documents.find((d) => d.id === result.documentId);
        return row?.latestStatus === "failed" ? `failed: ${row.latestError}` : row?.latestStatus;
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toBe("ready");
  return result;
}

/** Asks one question through the chat API and parses the UI message stream it answers with. */
export async function ask(
  request: APIRequestContext,
  question: string,
  ids: { conversationId?: string; messageId?: string } = {},
): Promise<Asked> {
  const conversationId = ids.conversationId ?? randomUUID();
  const messageId = ids.messageId ?? randomUUID();
  const send = () =>
    request.post("/api/chat", { data: { id: conversationId, message: { id: messageId, role: "user", parts: [{ type: "text", text: question }] } } });
  let response = await send();
  // The matrices ask many questions quickly: wait out a rate limit rather than count it as an answer.
  for (let attempt = 0; response.status() === 429 && attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers()["retry-after"] ?? 5)));
    response = await send();
  }
  const raw = await response.text();
  let text = "";
  let answerId: string | undefined;
  const sources: Source[] = [];
  for (const line of raw.split("\n")) {
    if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
    const part = JSON.parse(line.slice(6)) as { type: string; delta?: string; data?: Source[]; messageId?: string };
    if (part.type === "start") answerId = part.messageId;
    if (part.type === "text-delta") text += part.delta ?? "";
    if (part.type === "data-sources") sources.push(...(part.data ?? []));
  }
  return { status: response.status(), conversationId, messageId, answerId, text, sources, raw };
}

/** The stored conversation page, once the answer has been saved (saving follows the stream). */
export async function storedConversation(request: APIRequestContext, conversationId: string): Promise<string> {
  let html = "";
  await expect
    .poll(async () => {
      const response = await request.get(`/c/${conversationId}`);
      html = await response.text();
      return response.status() === 200 && html.includes("Answered by");
    }, { timeout: 15_000 })
    .toBe(true);
  return html;
}

export const sourceHref = (s: Pick<Source, "documentId" | "versionId" | "chunkId">) => `/sources/${s.documentId}/${s.versionId}?chunk=${s.chunkId}`;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const VIEWER_LINK = new RegExp(`/sources/${UUID}/${UUID}(?:\\?chunk=${UUID})?`, "g");

/** Viewer links anywhere in a page: its anchors and the serialized page data alike. */
export function sourceLinksIn(html: string): string[] {
  return [...new Set(html.match(VIEWER_LINK) ?? [])];
}

/** The indexed chunk texts of a version, in order: to check how a document was split. */
export function chunkTexts(versionId: string): Promise<string[]> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ text: string }>("SELECT text FROM chunks WHERE version_id = $1 ORDER BY span_start", [versionId]);
    return rows.map((r) => r.text);
  });
}

/** The first chunk of a version (in document order) whose text contains `text`: a viewer link's target. */
export function chunkContaining(versionId: string, text: string): Promise<string> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      "SELECT id FROM chunks WHERE version_id = $1 AND strpos(text, $2) > 0 ORDER BY span_start LIMIT 1",
      [versionId, text],
    );
    if (!rows[0]) throw new Error(`No chunk of ${versionId} contains "${text}"`);
    return rows[0].id;
  });
}

/** The comment stored with an answer's feedback, if any. */
export function storedFeedbackComment(messageId: string): Promise<string | null> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ comment: string | null }>("SELECT comment FROM feedback WHERE message_id = $1", [messageId]);
    return rows[0]?.comment ?? null;
  });
}
