import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addToGroups, ask, registerUser, signInAdmin, upload } from "./support/api";
import { ENDPOINTS, ROLE_GATED, unknownIds, type OwnedIds } from "./support/idor-endpoints";

/*
 * The IDOR sweep: one user's conversation, message, document, version and chunk ids, replayed by
 * another user on every endpoint that takes an id. Each must answer 404, and say nothing about what
 * the id names. The administrator replays the conversation ids too: they read every document, but
 * not other people's conversations.
 */

test("another user replaying someone's ids on every endpoint gets 404", async ({ browser }) => {
  test.setTimeout(300_000);
  const stamp = randomBytes(3).toString("hex");
  const secret = `CANARY-IDOR-${randomBytes(6).toString("hex").toUpperCase()}`;
  const question = "Which cipher protects the Kestrel vault?";
  const admin = await signInAdmin(browser);
  const doc = await upload(admin.request, {
    name: `kestrel-${stamp}.md`,
    mimeType: "text/markdown",
    content: `# Kestrel Vault\n\nThe Kestrel vault is protected by cipher ${secret} and rotated weekly.\n`,
    groups: [`vault-${stamp}`],
  });

  const owner = await registerUser(browser, "Olive Owner");
  await addToGroups(owner.email, [`vault-${stamp}`]);
  const asked = await ask(owner.request, question);
  const cited = asked.sources.find((s) => s.documentId === doc.documentId);
  expect(asked.text).toContain(secret);
  expect(cited, "the owner's answer cites the restricted document").toBeDefined();
  expect(asked.answerId).toBeTruthy();
  const ids: OwnedIds = {
    conversationId: asked.conversationId,
    messageId: asked.messageId,
    answerId: asked.answerId!,
    documentId: cited!.documentId,
    versionId: cited!.versionId,
    chunkId: cited!.chunkId,
  };
  // The conversation is stored before anyone replays it (storing follows the stream).
  await expect.poll(async () => (await owner.request.get(`/c/${ids.conversationId}`)).status()).toBe(200);

  const intruder = await registerUser(browser, "Ivan Intruder");
  const replayers = [
    { who: "an employee without the group", api: intruder.request, scopes: ["conversation", "document"] },
    { who: "the administrator", api: admin.request, scopes: ["conversation"] },
  ];

  const failures: string[] = [];
  let probes = 0;
  for (const { who, api, scopes } of replayers) {
    for (const endpoint of ENDPOINTS.filter((e) => scopes.includes(e.scope))) {
      const response = await endpoint.call(api, ids);
      const body = await response.text();
      probes++;
      if (response.status() !== 404) failures.push(`${who}: ${endpoint.name} answered ${response.status()}`);
      for (const needle of [secret, question]) if (body.includes(needle)) failures.push(`${who}: ${endpoint.name} revealed "${needle}"`);
    }
  }
  // Role-gated endpoints refuse employees before reading any id: the owner's ids and unknown ids get the same answer.
  for (const endpoint of ROLE_GATED) {
    const [real, unknown] = [await endpoint.call(intruder.request, ids), await endpoint.call(intruder.request, unknownIds())];
    probes++;
    expect(`${real.status()} ${await real.text()}`, endpoint.name).toBe(`${unknown.status()} ${await unknown.text()}`);
    expect(real.status()).toBe(403);
  }

  console.log(`idor sweep: ${probes} endpoint x id probes (${ENDPOINTS.length} endpoints, ${ROLE_GATED.length} role-gated), ${failures.length} failures`);
  expect(failures).toEqual([]);

  // The control: the owner still reaches all of it, so the 404s above are about who asks.
  for (const endpoint of ENDPOINTS.filter((e) => e.ownerGets)) {
    expect((await endpoint.call(owner.request, ids)).status(), `owner: ${endpoint.name}`).toBe(endpoint.ownerGets);
  }
  // Nothing the intruder tried left a trace in their own history.
  expect(await intruder.page.reload().then(() => intruder.page.getByTestId("conversation-list").locator("li").count())).toBe(0);
});
