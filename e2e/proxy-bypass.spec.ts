/**
 * Authorization lives in every handler, page and server action, not in a proxy: a request that
 * skips the proxy (as with the x-middleware-subrequest trick) or comes from the wrong account must
 * get nothing. Routes, pages and actions are found by globbing app/ and reading the build's action
 * manifest, so whatever is added later is covered without editing this file.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { ChatPage } from "./pages/chat";

const APP = path.join(process.cwd(), "app");
const RANDOM_ID = "00000000-0000-4000-8000-000000000000";
const BYPASS_HEADERS: Record<string, string>[] = [
  {},
  { "x-middleware-subrequest": "middleware" },
  { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" },
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
];
/** Open to anyone by design; still checked for never showing protected data. */
// The liveness and readiness probes answer load balancers without a session (docs/operations.md).
const PUBLIC = new Set(["/login", "/register", "/invite/[token]", "/setup/[token]", "/api/auth/[...nextauth]", "/api/health", "/api/ready"]);
const PUBLIC_ACTIONS = new Set(["loginAction", "registerAction", "logoutAction", "oidcLoginAction", "acceptInviteAction", "setupAdminAction"]);
const REFUSALS = ["Please sign in to continue.", "Only administrators can do this."];
/** Open to every signed-in user, on their own conversations or account only: aimed at someone else's, they change and show nothing. */
const USER_ACTIONS = new Set(["renameConversationAction", "deleteConversationAction", "searchConversationsAction", "changePasswordAction"]);

interface Endpoint {
  pattern: string;
  kind: "page" | "route";
  methods: string[];
  admin: boolean;
}

/** Every page.tsx and route.ts under app/, as URL patterns (route groups dropped). */
function endpoints(): Endpoint[] {
  return fs.globSync("**/{page.tsx,route.ts}", { cwd: APP }).map((file) => {
    const source = fs.readFileSync(path.join(APP, file), "utf8");
    const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
    const pattern = `/${segments.join("/")}`;
    const kind = file.endsWith("route.ts") ? "route" : "page";
    const methods =
      kind === "page"
        ? ["GET"]
        : [...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b|export\s+const\s+\{([^}]*)\}/g)].flatMap((m) =>
            m[1] ? [m[1]] : m[2]!.split(",").map((s) => s.trim()).filter((s) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(s)),
          );
    return { pattern, kind, methods, admin: pattern.startsWith("/admin") || source.includes("requireAdmin") };
  });
}

interface Fixture {
  documentId: string;
  versionId: string;
  groupId: string;
  conversationId: string;
  canary: string;
}

/** Real ids (of data the employee may not read) wherever a parameter names one; else a random id. */
function fill(pattern: string, f: Fixture): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?(\w+)\]?\]/g, (_, name: string, offset: number) => {
    const parent = pattern.slice(0, offset);
    if (/version/i.test(name)) return f.versionId;
    if (/document/i.test(name)) return f.documentId;
    if (/conversation/i.test(name)) return f.conversationId;
    if (/group/i.test(name)) return f.groupId;
    if (name === "nextauth") return "session";
    if (name === "token") return "not-a-token";
    if (name === "id") {
      if (parent.endsWith("/groups/")) return f.groupId;
      if (parent.endsWith("/c/") || /conversation/.test(parent)) return f.conversationId;
      return f.documentId;
    }
    return RANDOM_ID;
  });
}

async function call(request: APIRequestContext, method: string, url: string, headers: Record<string, string>) {
  return request.fetch(url, { method, headers, maxRedirects: 0, data: method === "GET" ? undefined : {}, failOnStatusCode: false });
}

function refused(response: APIResponse, allowed: number[]): boolean {
  const status = response.status();
  if (allowed.includes(status)) return true;
  return [302, 303, 307, 308].includes(status) && /\/login(\?|$)/.test(response.headers().location ?? "");
}

async function setUp(page: Page): Promise<Fixture> {
  const stamp = Date.now();
  const canary = `CANARY${stamp}ZEBRA`;
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const upload = await page.request.post("/api/documents", {
    multipart: {
      file: { name: `canary-${stamp}.md`, mimeType: "text/markdown", buffer: Buffer.from(`# Canary ${canary}\n\nThe vault code is ${canary}.\n`) },
      group: `vault-${stamp}`,
    },
  });
  expect(upload.status()).toBe(202);
  const { documentId, versionId } = (await upload.json()) as { documentId: string; versionId: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/documents?q=canary-${stamp}`)).json()) as { documents: { latestStatus: string }[] }).documents[0]?.latestStatus, { timeout: 30_000 })
    .toBe("ready");
  const groups = await (await page.request.get("/admin/groups")).text();
  const groupId = new RegExp(`/admin/groups/([0-9a-f-]{36})"[^>]*>vault-${stamp}<`).exec(groups)?.[1];
  expect(groupId).toBeTruthy();
  await page.goto("/");
  await new ChatPage(page).ask(`What is the vault code ${canary}?`);
  const conversationId = /\/c\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(conversationId).toBeTruthy();
  return { documentId, versionId, groupId: groupId!, conversationId: conversationId!, canary };
}

test("no handler, page or server action serves data without the right session, with or without proxy-bypass headers", async ({ page, browser, playwright }) => {
  test.setTimeout(240_000);
  const fixture = await setUp(page);
  const all = endpoints();
  const protectedOnes = all.filter((e) => !PUBLIC.has(e.pattern));
  expect(protectedOnes.length).toBeGreaterThan(10);

  // The admin sees the canary: the ids are real and the negative results below mean something.
  const adminView = await page.request.get(`/sources/${fixture.documentId}/${fixture.versionId}`);
  expect(await adminView.text()).toContain(fixture.canary);

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const employeeContext = await browser.newContext();
  const employeePage = await employeeContext.newPage();
  await new AuthPages(employeePage).register("Eli Employee", `eli-${Date.now()}@example.com`, "eli's password 1");
  const employee = employeePage.request;

  // Soft: one run lists every endpoint that let a request through, not only the first.
  let checked = 0;
  for (const endpoint of all) {
    const url = fill(endpoint.pattern, fixture);
    for (const method of endpoint.methods) {
      for (const headers of BYPASS_HEADERS) {
        const label = `${method} ${url} ${JSON.stringify(headers)}`;
        const asAnonymous = await call(anonymous, method, url, headers);
        expect.soft(await asAnonymous.text(), label).not.toContain(fixture.canary);
        if (!PUBLIC.has(endpoint.pattern)) expect.soft(refused(asAnonymous, [401, 403, 404]), `${label} anonymous: ${asAnonymous.status()}`).toBe(true);

        const asEmployee = await call(employee, method, url, headers);
        expect.soft(await asEmployee.text(), label).not.toContain(fixture.canary);
        if (endpoint.admin) expect.soft(refused(asEmployee, [403, 404]), `${label} employee: ${asEmployee.status()}`).toBe(true);
        else expect.soft(asEmployee.status(), label).toBeLessThan(500);
        checked++;
      }
    }
  }

  // Server actions are public endpoints too: every one from the build's manifest, called directly.
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const actions = Object.entries(manifest.node).filter(([, a]) => !PUBLIC_ACTIONS.has(a.exportedName ?? ""));
  expect.soft(actions.length).toBeGreaterThan(5);
  for (const [id, action] of actions) {
    const worker = Object.keys(action.workers)[0]!;
    const pagePath = fill(`/${worker.replace(/\/page$/, "").split("/").slice(1).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`, fixture);
    const userAction = USER_ACTIONS.has(action.exportedName ?? "");
    const target = userAction ? fixture.conversationId : /group/.test(action.filename ?? "") ? fixture.groupId : fixture.documentId;
    for (const [who, request] of [["anonymous", anonymous], ["employee", employee]] as const) {
      for (const headers of BYPASS_HEADERS.slice(0, 2)) {
        const response = await request.post(pagePath, {
          headers: { ...headers, "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
          data: JSON.stringify([target, false]),
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        const body = await response.text();
        const label = `${action.exportedName} (${action.filename}) as ${who} ${JSON.stringify(headers)}: ${response.status()} ${body.slice(0, 200)}`;
        expect.soft(body, label).not.toContain(fixture.canary);
        if (who === "anonymous" || !userAction) expect.soft(response.status() >= 400 || REFUSALS.some((r) => body.includes(r)), label).toBe(true);
        checked++;
      }
    }
  }

  // Nothing the refused calls targeted was changed.
  const after = await page.request.get(`/sources/${fixture.documentId}/${fixture.versionId}`);
  expect(await after.text()).toContain(fixture.canary);
  expect(await (await page.request.get(`/admin/groups/${fixture.groupId}`)).text()).toContain("vault-");
  const conversation = await page.request.get(`/c/${fixture.conversationId}`);
  expect(conversation.status()).toBe(200);
  expect(await conversation.text()).toContain(`What is the vault code ${fixture.canary}?`);
  console.log(`proxy bypass: ${all.length} pages and route handlers (${protectedOnes.length} protected), ${actions.length} server actions, ${checked} checks`);
  await anonymous.dispose();
  await employeeContext.close();
});
