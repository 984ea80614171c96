import { expect, test, type APIResponse } from "@playwright/test";
import { signInAdmin } from "./support/api";
import { DocumentsPage } from "./pages/documents";

const MB = 1024 * 1024;
const UPLOAD_MAX_BYTES = 25 * MB; // the default, which the test server runs with

/** An HTML page of about `bytes`: one short paragraph, the rest in a script the parser skips, so indexing stays quick. */
const bigHtml = (title: string, bytes: number) =>
  Buffer.from(`<html><body><h1>${title}</h1><p>Archived intranet page about ${title}.</p><script>/*${"x".repeat(bytes)}*/</script></body></html>`);

async function expectNoStoreJson(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(response.headers()["cache-control"]).toMatch(/\bno-store\b/);
  expect(response.headers()["content-type"]).toContain("application/json");
}

test("health and readiness answer without signing in, JSON and uncached", async ({ request }) => {
  const health = await request.get("/api/health");
  await expectNoStoreJson(health, 200);
  expect(await health.json()).toEqual({ status: "ok" });

  // The inline worker reports when it starts; until then readiness may say 503 with the reason.
  await expect.poll(async () => (await request.get("/api/ready")).status(), { timeout: 20_000 }).toBe(200);
  const ready = await request.get("/api/ready");
  await expectNoStoreJson(ready, 200);
  expect(await ready.json()).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", worker: "ok" } });
});

test("uploads over Next's 10 MB proxy default go through, and ones over UPLOAD_MAX_BYTES get the 413 message", async ({ browser }) => {
  test.setTimeout(180_000); // 100 MB of uploads in all
  const stamp = Date.now();
  const admin = await signInAdmin(browser);

  // API: a 12 MB file is queued whole (before, the proxy cut the body at 10 MB: "Attach a file", 400).
  const api = await admin.request.post("/api/documents", { multipart: { file: { name: `archive-${stamp}.html`, mimeType: "text/html", buffer: bigHtml(`archive ${stamp}`, 12 * MB) } } });
  expect(api.status()).toBe(202);

  // Just over the file limit but within the request allowance: read whole, refused by the file check.
  const over = await admin.request.post("/api/documents", { multipart: { file: { name: `over-${stamp}.html`, mimeType: "text/html", buffer: bigHtml("over", UPLOAD_MAX_BYTES + 1) } } });
  expect(over.status()).toBe(413);
  expect((await over.json()).error.message).toBe(`"over-${stamp}.html" is larger than the 25 MB limit.`);

  // Far over: refused by its Content-Length before the body is read.
  const far = await admin.request.post("/api/documents", { multipart: { file: { name: `far-${stamp}.html`, mimeType: "text/html", buffer: bigHtml("far", UPLOAD_MAX_BYTES + 3 * MB) } } });
  expect(far.status()).toBe(413);
  expect((await far.json()).error.message).toBe("The file is larger than the 25 MB limit.");

  // The page: a 12 MB file is queued, a larger one refused with the same message, without sending it.
  const documents = new DocumentsPage(admin.page);
  await documents.open();
  await admin.page.getByLabel(/Upload documents/).setInputFiles({ name: `page-${stamp}.html`, mimeType: "text/html", buffer: bigHtml(`page ${stamp}`, 12 * MB) });
  await expect(admin.page.getByText(`page-${stamp}.html: queued as version 1`)).toBeVisible({ timeout: 60_000 });
  await admin.page.getByLabel(/Upload documents/).setInputFiles({ name: `huge-${stamp}.html`, mimeType: "text/html", buffer: bigHtml("huge", UPLOAD_MAX_BYTES + MB) });
  await expect(admin.page.getByText(`huge-${stamp}.html: "huge-${stamp}.html" is larger than the 25 MB limit.`)).toBeVisible();

  // The 12 MB files index whole (the table follows their status on its own).
  await documents.waitUntilReady(`archive-${stamp}.html`);
  await documents.waitUntilReady(`page-${stamp}.html`);
  await admin.context.close();
});
