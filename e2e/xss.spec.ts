import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse, type Browser, type Response } from "@playwright/test";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";
import { signInAdmin, upload } from "./support/api";
import { armTripwires, outsideLinksAndImages } from "./support/browser-guards";

/*
 * Output handling: HTML and script payloads planted in a document's text, its filename and title,
 * and a question. Every page that shows them is visited in a real browser; none may run (no dialog,
 * no window.__xss), and every response carries the Content-Security-Policy that would stop them if
 * rendering ever let one through.
 */

const stamp = randomBytes(3).toString("hex");
const run = (label: string) => `window.__xss='${label}';alert('${label}')`;

const DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
];

async function anonymousPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

function expectSecurityHeaders(response: Response | APIResponse | null, where: string) {
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const d of DIRECTIVES) expect(csp, `${where}: ${d}`).toContain(d);
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc, `${where}: scripts by nonce only`).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  return csp;
}

test("planted HTML and script payloads never run, and every page carries the CSP", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const admin = await signInAdmin(browser);
  const page = admin.page;
  const wires = await armTripwires(admin.context, page, new URL(baseURL!).origin);

  const filename = `<img src=x onerror=${run("filename")}>-${stamp}.txt`;
  const text = await upload(admin.request, {
    name: filename,
    mimeType: "text/plain",
    content:
      `The helpdesk answers tickets within one day <script>${run("doc-script")}</script> and <img src=x onerror="${run("doc-img")}"> ` +
      `escalates <svg onload="${run("doc-svg")}"> urgent ones through [the hotline](javascript:${run("doc-link")}) page.\n`,
  });
  const html = await upload(admin.request, {
    name: `hours-${stamp}.html`,
    mimeType: "text/html",
    content:
      `<!doctype html><html><head><title>&lt;script&gt;${run("title")}&lt;/script&gt; Helpdesk Hours</title><script>${run("html-script")}</script></head>` +
      `<body><p>Helpdesk hours are 8 to 18 &lt;svg onload=${run("html-svg")}&gt; on weekdays.</p><iframe src="javascript:${run("iframe")}"></iframe></body></html>`,
  });
  const markdown = await upload(admin.request, {
    name: `escalation-${stamp}.md`,
    mimeType: "text/markdown",
    content: `# Helpdesk Escalation <img src=x onerror="${run("md-heading")}">\n\nEscalations go to the duty manager <img src=x onerror="${run("md-inline")}"> within one hour [now](javascript:${run("md-link")}).\n\n<details open ontoggle="${run("md-details")}">x</details>\n`,
  });

  const chat = new ChatPage(page);
  const questions = [
    `How fast does the helpdesk answer tickets? <img src=x onerror="${run("question-img")}">`,
    `What are the helpdesk hours? <script>${run("question-script")}</script>`,
    `When do escalations go to the duty manager? [x](javascript:${run("question-link")}) <svg onload="${run("question-svg")}">`,
  ];
  const conversations: string[] = [];
  const viewerLinks = new Set<string>();
  for (const question of questions) {
    expectSecurityHeaders(await page.goto("/"), "new chat");
    await chat.ask(question);
    await wires.look(`live answer to ${question}`);
    // The payloads arrived as text: the question is shown verbatim, and the answer cites a planted document.
    await expect(page.getByTestId("user-message").last()).toHaveText(question);
    await expect(chat.sources()).toBeVisible();
    expect(await outsideLinksAndImages(chat.lastAnswer())).toEqual([]);
    for (const href of await chat.lastAnswer().locator('a[href^="/sources/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) viewerLinks.add(href);
    conversations.push(new URL(page.url()).pathname);
  }
  // The filename payload is the title the sources list and chips show, as text.
  await expect(page.getByTestId("conversation-list")).toContainText("onerror");

  const visits = [
    ...conversations, // history pages, with the sidebar holding every question as a title
    ...viewerLinks, // the viewer at each cited passage
    ...[text, html, markdown].map((d) => `/sources/${d.documentId}/${d.versionId}`),
    "/admin/documents",
    ...[text, html, markdown].map((d) => `/admin/documents/${d.documentId}`),
  ];
  // The document whose filename and text carry payloads was cited, so its title went through the sources list and chips.
  expect([...viewerLinks].some((l) => l.startsWith(`/sources/${text.documentId}/`)), "an answer cited the planted text document").toBe(true);
  const nonces = new Set<string>();
  for (const url of visits) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(200);
    const csp = expectSecurityHeaders(response, url);
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    // Next puts this response's nonce on each of its own scripts, so the app runs under the policy.
    const body = await response!.text();
    const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    for (const tag of scripts) expect(tag, url).toContain(`nonce="${/'nonce-([^']+)'/.exec(csp)![1]}"`);
    await wires.look(url);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(visits.length);

  // The payload texts are on screen as text where they are meant to be.
  await new DocumentsPage(page).open();
  await expect(page.getByTestId("document-row").filter({ hasText: "onerror" }).first()).toBeVisible();
  await page.goto(`/sources/${text.documentId}/${text.versionId}`);
  // Shown as text (its readable title capitalises the file name's words: "<img Src=x Onerror=").
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/<img src=x onerror=/i);
  await expect(page.getByText("<script>", { exact: false }).first()).toBeVisible();

  // And the policy is enforced: the same page, served with a script slipped into its HTML (as if
  // rendering had let one through), runs the app's own nonced scripts and refuses the intruder.
  const slipped = `/sources/${text.documentId}/${text.versionId}`;
  await page.route(`**${slipped}`, async (route) => {
    const original = await route.fetch();
    const payload = `<script>window.__cspBypass = true</script><img src=x onerror="window.__cspBypass = true">`;
    const body = (await original.text()).replace(/<body[^>]*>/, (tag) => tag + payload);
    await route.fulfill({ response: original, body });
  });
  const violations: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await page.goto(slipped);
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next)).toBe("object");
  expect(await page.evaluate(() => (window as { __cspBypass?: boolean }).__cspBypass ?? false)).toBe(false);
  expect(violations.length, "the browser reports refusing the slipped script").toBeGreaterThan(0);
  await page.unroute(`**${slipped}`);

  // Pages without a session and API routes carry the headers too.
  const anonymous = await browser.newContext();
  for (const url of ["/login", "/register"]) expectSecurityHeaders(await anonymous.request.get(url), url);
  expectSecurityHeaders(await admin.request.get("/api/documents"), "/api/documents");
  await anonymous.close();

  // The control: the same payloads, on a page without our rendering or policy, do run.
  const bare = await anonymousPage(browser);
  const fired: string[] = [];
  bare.on("dialog", (d) => void d.dismiss().then(() => fired.push(d.message())));
  await bare.setContent(`<img src=x onerror="${run("control-img")}"><svg onload="${run("control-svg")}"></svg>`);
  await expect.poll(() => fired.length).toBe(2);
  await bare.context().close();

  console.log(`xss: ${questions.length + 3 + 1} planted payload carriers, ${visits.length + questions.length} page views, ${wires.ran.length + wires.dialogs.length} executions`);
  expect(wires.dialogs).toEqual([]);
  expect(wires.ran).toEqual([]);
  expect(wires.outsideRequests).toEqual([]);
});
