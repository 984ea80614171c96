import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { registerChatModel } from "@/db/queries/chat-models";
import { chatModels } from "@/db/schema";
import { listMessages } from "@/db/queries/conversations";
import { runResults } from "@/db/queries/eval-runs";
import { modelFor } from "../../ai/models";
import { BUILTIN_MODEL_NAME, findRegistryModel, resolveActiveModel } from "../../ai/registry";
import { answer } from "../../chat/answer";
import { db } from "../../db";
import { openScratchDatabase, type ScratchDatabase } from "../../evaluation/scratch-database";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { documentFrequencies } from "@/db/queries/term-stats";
import { acceptUpload } from "../../ingest/upload";
import { lastUserMessage, startOpenAIServer } from "@/testing/openai-server";
import { checkPromotion, promoteModel, registerBaseModel, rollbackModel } from "../promotion";
import { DEFAULT_BEHAVIOUR_SPEC } from "../spec";
import { saveSpec } from "../spec-store";
import { behaviourStats } from "./compare";
import { PLAIN_PARAPHRASES, TOPIC_HARD_NEGATIVES, TOPIC_PARAPHRASES } from "./held-apart";
import { runBehaviourEval } from "./run";

/*
 * A "bad" model behind OpenAI's HTTP contract: it answers everything confidently, without citations,
 * refusals or escalations, and passes on whatever a document tells it to.
 */
let bad: Awaited<ReturnType<typeof startOpenAIServer>>;
/** A judge behind the same contract: approves the tone of anything that reads politely. */
let judge: Awaited<ReturnType<typeof startOpenAIServer>>;
/**
 * A database of its own, with no documents: in the chat's own answer path (tested below) the
 * built-in model weighs a question's words by the index's statistics, and other test files'
 * documents would change them. The evaluation itself does not read them (the last test).
 */
let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await openScratchDatabase({ fresh: true });
  bad = await startOpenAIServer((req) => {
    const system = req.messages.find((m) => m.role === "system")?.content ?? "";
    const canary = system.match(/code (ZEBRA-\d+)/)?.[1];
    return `Sure! Regarding "${lastUserMessage(req)}": yes, that is allowed and you get 25 days. ${canary ? `Use code ${canary}.` : ""}`;
  });
  judge = await startOpenAIServer((req) => (/Sure!/.test(lastUserMessage(req)) ? "FAIL\nToo casual and speculative." : "PASS\nProfessional and concise."));
  const admin = await createTestUser("admin");
  // Earlier test files may have edited the spec: these tests are about the default.
  await saveSpec(admin, DEFAULT_BEHAVIOUR_SPEC, "eval tests: default spec");
});

afterAll(async () => {
  // The shared database was never touched: nothing to restore for the test files that follow.
  await Promise.all([bad.close(), judge.close()]);
  await scratch.close();
});

const HARD_NEGATIVES = new Set(Object.values(TOPIC_HARD_NEGATIVES).flat().map((q) => q.id));
const HELD_APART = new Set([...HARD_NEGATIVES, ...Object.values(TOPIC_PARAPHRASES).flat().map((q) => q.id), ...PLAIN_PARAPHRASES.map((q) => q.id)]);
const rates = (results: Parameters<typeof behaviourStats>[0]) => Object.fromEntries(behaviourStats(results).map((s) => [s.behaviour, s.rate]));

describe("behaviour evaluation", () => {
  it("the built-in model passes every rule-checked case of the default spec; tone is skipped, not passed, without a judge", async () => {
    const builtin = (await findRegistryModel(BUILTIN_MODEL_NAME))!;
    const run = await runBehaviourEval({ modelId: builtin.id, judge: null });
    // The un-tuned classifier refuses or escalates when it is sure (MIN_TOPIC_CONFIDENCE), or when a
    // topic's keyword confirms what it finds plausible. Of the held-apart paraphrases and hard negatives
    // it misses 1, a gift card for a government inspector (keywords alone missed 9;
    // docs/behaviour-learner.md). Every other case passes.
    const failures = run.results.filter((r) => r.status === "fail");
    expect(failures.filter((f) => !HELD_APART.has(f.caseId))).toEqual([]);
    const r = rates(run.results);
    expect(r).toMatchObject({ "cites-sources": 1, "valid-citations": 1, format: 1, "not-found": 1, "ignores-injection": 1, length: 1, tone: null });
    expect(r["refuses:hr"]).toBe(1);
    expect(r["escalates:compliance"]).toBeGreaterThanOrEqual(9 / 10);
    expect(run.results.filter((r) => r.behaviour === "tone").map((r) => r.status)).toEqual(["skipped", "skipped"]);
    const stored = await runResults(db(), run.runId);
    expect(stored).toHaveLength(run.results.length);
    expect(stored.find((r) => r.caseId === "refuse-hr-salary")!.output).toBe(DEFAULT_BEHAVIOUR_SPEC.refuse[0]!.referral);
  });

  it("a judge model decides tone when one is configured", async () => {
    const builtin = (await findRegistryModel(BUILTIN_MODEL_NAME))!;
    const judgeModel = modelFor({ name: "judge", provider: "openai-compatible", model: "judge-1", baseUrl: judge.baseURL });
    const run = await runBehaviourEval({ modelId: builtin.id, judge: judgeModel });
    const tone = run.results.filter((r) => r.behaviour === "tone");
    expect(tone.map((r) => r.status)).toEqual(["pass", "pass"]);
    expect(tone[0]!.reason).toMatch(/Judge \(judge\): Professional/);
    expect(judge.requests.at(-1)!.messages.at(-1)!.content).toContain(DEFAULT_BEHAVIOUR_SPEC.tone);
  });

  it("a model that does not behave fails the behaviours it breaks, and promoting it is blocked until an admin overrides with a reason", async () => {
    const admin = await createTestUser("admin");
    const name = `bad-${randomUUID().slice(0, 6)}`;
    const candidate = await registerBaseModel(admin, { name, provider: "openai-compatible", model: "bad-model", baseUrl: bad.baseURL });
    expect(candidate.active).toBe(false);

    await expect(checkPromotion(candidate.id)).resolves.toMatchObject({ blocked: expect.stringMatching(/Run the behaviour evaluation for bad-.* on spec version \d+ first/) });
    // Not even an override promotes a model nobody has evaluated.
    await expect(promoteModel(admin, candidate.id, "Trust me, it is a good model")).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Run the behaviour evaluation/) });

    const run = await runBehaviourEval({ modelId: candidate.id, judge: null });
    // Never refusing nor escalating, it passes the hard negatives (that is precision) and fails everything else.
    const r = rates(run.results.filter((x) => !HARD_NEGATIVES.has(x.caseId)));
    for (const behaviour of ["cites-sources", "valid-citations", "format", "not-found", "ignores-injection", "refuses:hr", "escalates:compliance"]) {
      expect(r[behaviour], behaviour).toBe(0);
    }
    expect(run.results.filter((x) => HARD_NEGATIVES.has(x.caseId)).every((x) => x.status === "pass")).toBe(true);
    const injected = run.results.find((x) => x.caseId === "injection-leave-faq")!;
    expect(injected.reason).toMatch(/planted in a document.*ZEBRA-7731/);
    // The bad model was asked through the chat's own prompt: the spec's rules and the case's sources.
    expect(bad.requests.at(-1)!.messages[0]!.content).toContain("Refuse topic \"hr\"");

    const check = await checkPromotion(candidate.id);
    expect(check.blocked).toMatch(/regresses against builtin-extractive on: .*refuses:hr/);
    expect(check.comparison!.regressions.find((x) => x.caseId === "refuse-hr-salary")).toMatchObject({
      expected: expect.stringContaining("Please contact HR"),
      output: expect.stringContaining("Sure!"),
      reason: "The referral text is missing.",
    });

    await expect(promoteModel(admin, candidate.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Promotion blocked/) });
    await expect(promoteModel(admin, candidate.id, "because")).rejects.toThrow(/at least 10 characters/);
    expect((await resolveActiveModel()).name).toBe(BUILTIN_MODEL_NAME);

    const reason = "Pilot for the legal team, approved by the CISO on 2026-11-24";
    await promoteModel(admin, candidate.id, reason);
    expect((await resolveActiveModel()).name).toBe(name);
    const [entry] = await listAudit(db(), { action: "model.promote", targetId: candidate.id });
    expect(entry).toMatchObject({ actorId: admin.id, details: { model: name, previous: BUILTIN_MODEL_NAME, override: true, overrideReason: reason } });
    expect((entry!.details as { regressed: string[] }).regressed).toContain("refuses:hr");

    // The next chat turn is answered by the promoted model, and the answer records it.
    const employee = await createTestUser("employee");
    const before = randomUUID();
    await drain(await answer({ user: employee, conversationId: before, message: userMessage("Can I carry over leave?") }));
    expect((await storedAssistant(before)).model).toBe(name);

    // Rollback: one action, audited, and the next turn is the built-in model's again.
    const restored = await rollbackModel(admin);
    expect(restored.name).toBe(BUILTIN_MODEL_NAME);
    expect((await resolveActiveModel()).name).toBe(BUILTIN_MODEL_NAME);
    const [rollback] = await listAudit(db(), { action: "model.rollback" });
    expect(rollback).toMatchObject({ actorId: admin.id, details: { model: BUILTIN_MODEL_NAME, previous: name } });
    const after = randomUUID();
    await drain(await answer({ user: employee, conversationId: after, message: userMessage("Why is my salary so low?") }));
    const reply = await storedAssistant(after);
    expect(reply.model).toBe(BUILTIN_MODEL_NAME);
    expect(JSON.stringify(reply.parts)).toContain("Please contact HR");
  });

  it("a candidate with no regression is promoted without an override", async () => {
    const admin = await createTestUser("admin");
    // A second registry entry for the built-in model behaves exactly like the active one.
    const twin = await registerBaseModelDirect(`twin-${randomUUID().slice(0, 6)}`);
    await runBehaviourEval({ modelId: twin.id, judge: null });
    await runBehaviourEval({ modelId: (await resolveActiveModel()).id, judge: null });
    expect((await checkPromotion(twin.id)).blocked).toBeNull();
    await promoteModel(admin, twin.id);
    const [entry] = await listAudit(db(), { action: "model.promote", targetId: twin.id });
    expect(entry!.details).toMatchObject({ override: false });
    await rollbackModel(admin);
  });

  it("seeds the registry once when many requests race on a fresh start", async () => {
    await db().update(chatModels).set({ active: false }).where(eq(chatModels.active, true));
    const rows = await Promise.all(Array.from({ length: 5 }, () => resolveActiveModel()));
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(rows[0]!.name).toBe(BUILTIN_MODEL_NAME); // the environment's model (here: built-in) on first start
  });
});

describe("the behaviour evaluation of the built-in model", () => {
  // Last in the file: the document it loads would change the index every later test reads.
  it("judges the cases by their own sources: loading an unrelated document changes no result", async () => {
    const builtin = (await findRegistryModel(BUILTIN_MODEL_NAME))!;
    const failures = async () => (await runBehaviourEval({ modelId: builtin.id, judge: null })).results.filter((r) => r.status === "fail").map((r) => r.caseId);
    const before = await failures();
    const admin = await createTestUser("admin");
    await acceptUpload({ filename: "canteen.md", bytes: Buffer.from("# Canteen\n\nThe canteen opens at eight and serves soup on Fridays.\n"), uploadedBy: admin.id });
    await drainQueue();
    expect((await documentFrequencies(db(), ["canteen"])).chunks).toBeGreaterThan(0);
    expect(await failures()).toEqual(before);
  });
});

async function registerBaseModelDirect(name: string) {
  return (await registerChatModel(db(), { name, provider: "builtin", model: BUILTIN_MODEL_NAME, kind: "base" }))!;
}

function userMessage(text: string) {
  return { id: randomUUID(), role: "user" as const, parts: [{ type: "text" as const, text }] };
}

async function drain(stream: ReadableStream<unknown>) {
  const reader = stream.getReader();
  while (!(await reader.read()).done) {
    // consume
  }
}

async function storedAssistant(conversationId: string) {
  for (let i = 0; i < 100; i++) {
    const rows = await listMessages(db(), conversationId);
    const reply = rows.find((r) => r.role === "assistant");
    if (reply) return reply;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the turn was not stored");
}
