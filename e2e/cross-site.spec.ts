import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ask, signInAdmin, storedFeedbackComment } from "./support/api";

/*
 * Every state-changing route handler refuses a request made from another site's page with the
 * signed-in user's cookie (the check Next.js makes for server actions), and accepts the app's own.
 * Each refused request must also have changed nothing.
 */
test("state-changing API routes refuse another site's requests and accept the app's own", async ({ browser, baseURL }) => {
  const admin = await signInAdmin(browser);
  const own = { Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" };
  const foreign: Record<string, Record<string, string>> = {
    "another site": { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    "a sibling subdomain": { Origin: "https://groundwork.evil.example", "Sec-Fetch-Site": "same-site" },
    "an Origin alone": { Origin: "https://evil.example" },
    "Sec-Fetch-Site alone": { "Sec-Fetch-Site": "cross-site" },
  };
  const answered = await ask(admin.request, "How many days of annual leave do I get?");
  expect(answered.status).toBe(200);

  const handlers = {
    "POST /api/chat": async (headers: Record<string, string>) => {
      const id = randomUUID();
      const response = await admin.request.post("/api/chat", { headers, data: { id, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "Hello" }] } } });
      await response.body();
      return { status: response.status(), stored: async () => (await admin.request.get(`/c/${id}`)).status() === 200 };
    },
    "POST /api/documents": async (headers: Record<string, string>) => {
      const name = `cross-site-${randomBytes(4).toString("hex")}.md`;
      const form = new FormData();
      form.append("file", new Blob([`# Cross-site ${name}\n\nPlanted by another site.`], { type: "text/markdown" }), name);
      const response = await admin.request.post("/api/documents", { headers, multipart: form });
      const stored = async () => {
        const list = (await (await admin.request.get(`/api/documents?q=${encodeURIComponent(name)}`)).json()) as { documents: unknown[] };
        return list.documents.length > 0;
      };
      return { status: response.status(), stored };
    },
    "PUT /api/messages/:id/feedback": async (headers: Record<string, string>) => {
      const comment = `cross-site ${randomBytes(4).toString("hex")}`;
      const response = await admin.request.put(`/api/messages/${answered.answerId}/feedback`, { headers, data: { rating: "down", comment } });
      const stored = async () => (await storedFeedbackComment(answered.answerId!)) === comment;
      return { status: response.status(), stored };
    },
  };

  let accepted = 0;
  let probes = 0;
  for (const [name, send] of Object.entries(handlers)) {
    for (const [who, headers] of Object.entries(foreign)) {
      probes++;
      const { status, stored } = await send(headers);
      expect(status, `${name} from ${who}`).toBe(403);
      const changed = await stored();
      expect(changed, `${name} from ${who} changed nothing`).toBe(false);
      if (status !== 403 || changed) accepted++;
    }
    const { status, stored } = await send(own);
    expect(status, `${name} from the app's own page`).toBeLessThan(300);
    expect(await stored(), `${name} from the app's own page took effect`).toBe(true);
  }
  console.log(`foreign-origin requests: ${probes} sent, ${accepted} accepted`);
});
