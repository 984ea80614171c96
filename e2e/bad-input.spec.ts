import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import { AuthPages } from "./pages/auth";

const chatBody = (text: string) => ({ id: randomUUID(), message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] } });

async function expectError(response: APIResponse, status: number, message: RegExp) {
  expect(response.status()).toBe(status);
  const body = (await response.json()) as { error: { message: string } };
  expect(body.error.message).toMatch(message);
}

test("requests without a session get 401 with a message, not data", async ({ request }) => {
  await expectError(await request.post("/api/chat", { data: chatBody("What is the travel policy?") }), 401, /sign in/i);
  await expectError(await request.get("/api/documents"), 401, /sign in/i);
  await expectError(await request.post("/api/documents", { multipart: { file: { name: "a.md", mimeType: "text/markdown", buffer: Buffer.from("# A") } } }), 401, /sign in/i);
});

test("an employee gets clear errors for bad questions and for admin endpoints", async ({ page }) => {
  await new AuthPages(page).register("Erin Employee", `erin-${randomUUID()}@example.com`, "correct horse battery");
  const api = page.request;
  await expectError(await api.post("/api/chat", { data: chatBody("   ") }), 400, /type a question/i);
  await expectError(await api.post("/api/chat", { data: chatBody("x".repeat(2001)) }), 400, /at most 2000 characters/);
  await expectError(await api.post("/api/chat", { data: { nonsense: true } }), 400, /not a valid chat message/);
  await expectError(await api.get("/api/documents"), 403, /only administrators/i);
  await expectError(
    await api.post("/api/documents", { multipart: { file: { name: "a.md", mimeType: "text/markdown", buffer: Buffer.from("# A") } } }),
    403,
    /only administrators/i,
  );
});
