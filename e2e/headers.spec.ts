import { expect, test } from "@playwright/test";
import { signInAdmin } from "./support/api";

test("HSTS over HTTPS only, the download keeps its sandbox, API answers are never stored, every response names its request", async ({ browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  // Plain http on localhost: no HSTS (it would pin the browser to a TLS port that is not there).
  expect((await anonymous.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
  // Behind a TLS-terminating proxy, which reports the scheme.
  const https = await anonymous.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/^max-age=31536000/);
  // Every response names its request for the logs: a proxy's sane id is kept, others replaced.
  const fresh = (await anonymous.get("/api/health")).headers()["x-request-id"];
  expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
  expect((await anonymous.get("/login", { headers: { "X-Request-Id": "lb-4711" } })).headers()["x-request-id"]).toBe("lb-4711");
  expect((await anonymous.get("/login", { headers: { "X-Request-Id": "bad id <x>" } })).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  await anonymous.dispose();

  const admin = await signInAdmin(browser);
  const name = `headers-${Date.now()}.html`;
  const upload = await admin.request.post("/api/documents", {
    multipart: { file: { name, mimeType: "text/html", buffer: Buffer.from(`<html><body><h1>Headers</h1><script>alert(1)</script><p>Sandboxed.</p></body></html>`) } },
  });
  expect(upload.status()).toBe(202);
  expect(upload.headers()["cache-control"]).toBe("private, no-store");
  const { documentId, versionId } = (await upload.json()) as { documentId: string; versionId: string };

  const file = await admin.request.get(`/sources/${documentId}/${versionId}/file`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  // The page around it keeps the page policy.
  const page = await admin.request.get(`/sources/${documentId}/${versionId}`);
  expect(page.headers()["content-security-policy"]).toContain("'nonce-");

  for (const path of ["/api/documents", `/api/citations/${versionId}/1`, `/api/datasets/${versionId}/jsonl`]) {
    const response = await admin.request.get(path);
    expect(response.headers()["cache-control"], `${path} (${response.status()})`).toBe("private, no-store");
  }
  const chat = await admin.request.post("/api/chat", { data: {} });
  expect(chat.headers()["cache-control"], "POST /api/chat").toBe("private, no-store");
  await admin.context.close();
});
