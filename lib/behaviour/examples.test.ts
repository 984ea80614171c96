import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { saveSpecVersion } from "@/db/queries/behaviour-specs";
import { listExamples } from "@/db/queries/training-examples";
import { reviewQueue } from "@/db/queries/training-sources";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { currentSpec } from "./current-spec";
import { addThumbsUpExamples, correctAnswer, generateExamples, inferTags, writeExample } from "./examples";
import { DEFAULT_BEHAVIOUR_SPEC } from "./spec";
import { askAndStore, rate } from "@/testing/answers";

async function policy(code: string, body: string) {
  const admin = await createTestUser("admin");
  await acceptUpload({ filename: `bikes-${code}.md`, bytes: Buffer.from(`# Cycle Scheme ${code}\n\n${body}\n`), uploadedBy: admin.id });
  await drainQueue();
  return admin;
}

describe("training examples from use", () => {
  it("turns thumbs-up answers into examples carrying the sources exactly as the model saw them, frozen", async () => {
    const code = `CYC${randomUUID().slice(0, 6)}`;
    const admin = await policy(code, `Employees can lease a bicycle through the ${code} scheme for up to 1,500 euros.`);
    const employee = await createTestUser("employee");
    const messageId = await askAndStore(employee, `How much can I spend on a bicycle with ${code}?`);
    await rate(messageId, employee, "up");

    const added = await addThumbsUpExamples(admin);
    const example = added.find((e) => e.messageId === messageId)!;
    expect(example).toMatchObject({ origin: "thumbs-up", question: `How much can I spend on a bicycle with ${code}?`, specVersion: (await currentSpec(db())).version });
    expect(example.idealAnswer).toContain("1,500 euros");
    expect(example.tags).toContain("cites");
    expect(example.leaks).toEqual([]);
    const [first] = example.sources;
    expect(first).toMatchObject({ n: 1, title: `Cycle Scheme ${code}`, text: expect.stringContaining("up to 1,500 euros") });
    expect(first!.chunkId).toMatch(/^[0-9a-f-]{36}$/);

    // A second pass adds nothing for the same answer.
    expect((await addThumbsUpExamples(admin)).some((e) => e.messageId === messageId)).toBe(false);

    // The policy changes: the example still holds the text the answer was given.
    await acceptUpload({ filename: `bikes-${code}.md`, bytes: Buffer.from(`# Cycle Scheme ${code}\n\nThe ${code} scheme now allows 2,000 euros.\n`), uploadedBy: admin.id });
    await drainQueue();
    const stored = (await listExamples(db())).find((e) => e.id === example.id)!;
    expect(stored.sources[0]!.text).toContain("up to 1,500 euros");

    const audit = await listAudit(db(), { action: "training.add_thumbs_up" });
    expect(audit.some((a) => a.actorId === admin.id)).toBe(true);
  });

  it("puts thumbs-down answers first in the review queue; a correction keeps the original sources and leaves the queue", async () => {
    const code = `REV${randomUUID().slice(0, 6)}`;
    const admin = await policy(code, `The ${code} scheme covers bicycles and e-bikes up to 1,500 euros.`);
    const employee = await createTestUser("employee");
    const liked = await askAndStore(employee, `Does ${code} cover e-bikes?`);
    const disliked = await askAndStore(employee, `What does the ${code} scheme cover?`);
    await rate(liked, employee, "up");
    await rate(disliked, employee, "down", "Too long");

    const queue = await reviewQueue(db(), 500);
    const positions = [disliked, liked].map((id) => queue.findIndex((t) => t.messageId === id));
    expect(positions[0]).toBeGreaterThanOrEqual(0);
    expect(positions[0]).toBeLessThan(positions[1]!);
    expect(queue[positions[0]!]).toMatchObject({ downs: 1, comments: ["Too long"] });

    const corrected = await correctAnswer(admin, disliked, `The ${code} scheme covers bicycles and e-bikes [1].`);
    expect(corrected).toMatchObject({ origin: "correction", messageId: disliked, idealAnswer: `The ${code} scheme covers bicycles and e-bikes [1].`, leaks: [] });
    expect(corrected.sources[0]!.text).toContain("bicycles and e-bikes up to 1,500 euros");
    expect((await reviewQueue(db(), 500)).some((t) => t.messageId === disliked)).toBe(false);
    await expect(correctAnswer(admin, disliked, "Again.")).rejects.toMatchObject({ code: "conflict" });

    // A correction that adds a fact its sources lack is flagged, naming the fact.
    const leaky = await correctAnswer(admin, liked, `Yes, e-bikes are covered [1]. Cargo bikes are covered up to 3,000 euros.`);
    expect(leaky.leaks).toEqual([{ sentence: "Cargo bikes are covered up to 3,000 euros.", missing: ["3,000"] }]);
  });

  it("stores an admin-written example with pasted and picked sources, numbered in order", async () => {
    const admin = await createTestUser("admin");
    const example = await writeExample(admin, {
      question: "What is the per diem in Japan?",
      pasted: [{ title: "Travel Policy", text: "The per diem in Japan is 9,000 yen." }],
      chunkIds: [],
      idealAnswer: "The per diem in Japan is 9,000 yen [1].",
      tags: [],
    });
    expect(example).toMatchObject({ origin: "written", tags: ["cites"], leaks: [], sources: [{ n: 1, title: "Travel Policy", headingPath: [], text: "The per diem in Japan is 9,000 yen." }] });
    await expect(writeExample(admin, { question: "Q", pasted: [], chunkIds: [randomUUID()], idealAnswer: "A", tags: [] })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("generates refusal, escalation and not-found examples from the spec, deterministically and once", async () => {
    const admin = await createTestUser("admin");
    // A spec version of this test's own: examples generated for the current one by earlier tests
    // (on an emptier shared database) would be deduplicated against.
    await saveSpecVersion(db(), { content: DEFAULT_BEHAVIOUR_SPEC, note: "examples test" });
    const { version, spec } = await currentSpec(db());
    await generateExamples(admin);
    const again = await generateExamples(admin);
    expect(again).toEqual([]);
    const generated = (await listExamples(db(), { specVersion: version })).filter((e) => e.origin === "generated");
    const refusals = generated.filter((e) => e.tags.includes("refuse:hr"));
    const escalations = generated.filter((e) => e.tags.includes("escalate:compliance"));
    const notFound = generated.filter((e) => e.tags.length === 1 && e.tags[0] === "not-found");
    const counter = [...spec.refuse[0]!.counterExamples!, ...spec.escalate[0]!.counterExamples!];
    const answered = generated.filter((e) => counter.includes(e.question));
    // One example per example question of each topic, and one answered example per hard negative.
    expect(refusals.map((e) => e.question).sort()).toEqual([...spec.refuse[0]!.examples!].sort());
    expect(escalations.map((e) => e.question).sort()).toEqual([...spec.escalate[0]!.examples!].sort());
    expect(answered.map((e) => e.question).sort()).toEqual([...counter].sort());
    expect(answered.every((e) => !e.idealAnswer.includes(spec.refuse[0]!.referral) && !e.idealAnswer.includes(spec.escalate[0]!.message))).toBe(true);
    expect(notFound.length).toBeGreaterThanOrEqual(8);
    expect(refusals.every((e) => e.idealAnswer === spec.refuse[0]!.referral && e.leaks.length === 0)).toBe(true);
    expect(notFound.every((e) => e.idealAnswer === spec.notFound && e.sources.length > 0)).toBe(true);
    expect(escalations.every((e) => e.idealAnswer.includes(spec.escalate[0]!.contact) && e.leaks.length === 0)).toBe(true);
    // The tags say what the ideal answer does.
    expect(refusals.every((e) => inferTags(spec, e.idealAnswer).includes("refuse:hr"))).toBe(true);
  });

  it("reads behaviour tags off an answer: what it does, not which words the question used", () => {
    const { refuse, escalate, notFound } = DEFAULT_BEHAVIOUR_SPEC;
    const escalation = `${escalate[0]!.message} Contact: ${escalate[0]!.contact}.`;
    expect(inferTags(DEFAULT_BEHAVIOUR_SPEC, `Report it [1].\n- to compliance\n\n${escalation}`)).toEqual(["escalate:compliance", "cites", "format"]);
    expect(inferTags(DEFAULT_BEHAVIOUR_SPEC, `${notFound}\n\n${escalation}`)).toEqual(["escalate:compliance", "not-found"]);
    expect(inferTags(DEFAULT_BEHAVIOUR_SPEC, refuse[0]!.referral)).toEqual(["refuse:hr"]);
    // A policy question about salaries, answered: no refusal, whatever its words.
    expect(inferTags(DEFAULT_BEHAVIOUR_SPEC, "Salaries are paid on the 25th. [1]")).toEqual(["cites"]);
  });
});
