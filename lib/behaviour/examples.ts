import { audit } from "@/lib/admin/audit";
import { findExample, insertExamples, updateExample, type NewTrainingExample, type TrainingExampleRow } from "@/db/queries/training-examples";
import { answeredTurn, frozenChunks, newThumbsUpTurns, pickChunkIds } from "@/db/queries/training-sources";
import type { TrainingSource } from "@/db/schema";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { currentSpec } from "./current-spec";
import { findKnowledgeLeaks } from "./knowledge-leak";
import type { BehaviourSpec } from "./spec";
import { composeExtractiveAnswer } from "../ai/extractive-answer";
import { escalateLabel, refuseLabel, topicExamples } from "./classifier/seed";
import { specTexts } from "./training-format";

/**
 * Behaviour tags read off an example's answer: what the answer does is what the example teaches
 * (a referral is a refusal, the escalation message an escalation), whatever words the question uses.
 */
export function inferTags(spec: BehaviourSpec, answer: string): string[] {
  const tags = new Set<string>();
  for (const t of spec.refuse) if (answer.includes(t.referral)) tags.add(refuseLabel(t.id));
  for (const t of spec.escalate) if (answer.includes(t.message)) tags.add(escalateLabel(t.id));
  if (answer.includes(spec.notFound.slice(0, 40))) tags.add("not-found");
  if (/\[\d+\]/.test(answer)) tags.add("cites");
  if (/^\s*[-*]\s/m.test(answer)) tags.add("format");
  return [...tags];
}

export const normalizeTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();

/** An example ready to store, its leak findings computed against its own sources and the spec. */
function prepare(
  spec: { version: number; spec: BehaviourSpec },
  input: { origin: NewTrainingExample["origin"]; question: string; sources: TrainingSource[]; idealAnswer: string; tags?: string[]; messageId?: string; dedupeKey?: string },
  admin: CurrentUser,
): NewTrainingExample {
  const allowed = [input.question, ...input.sources.flatMap((s) => [s.title, ...s.headingPath, s.text]), ...specTexts(spec.spec)];
  return {
    origin: input.origin,
    specVersion: spec.version,
    question: input.question.trim(),
    sources: input.sources,
    idealAnswer: input.idealAnswer.trim(),
    tags: normalizeTags(input.tags ?? inferTags(spec.spec, input.idealAnswer)),
    messageId: input.messageId,
    dedupeKey: input.dedupeKey,
    leaks: findKnowledgeLeaks(input.idealAnswer, allowed),
    createdBy: admin.id,
  };
}

async function store(admin: CurrentUser, action: string, rows: NewTrainingExample[], details: Record<string, unknown> = {}) {
  return db().transaction(async (tx) => {
    const inserted = await insertExamples(tx, rows);
    await audit(tx, admin, action, { type: "training_example", id: inserted.length === 1 ? inserted[0]!.id : null }, { ...details, added: inserted.length });
    return inserted;
  });
}

/** Every thumbs-up answer not yet turned into an example, with its sources as the model saw them. */
export async function addThumbsUpExamples(admin: CurrentUser, messageId?: string): Promise<TrainingExampleRow[]> {
  const spec = await currentSpec(db());
  let turns = await newThumbsUpTurns(db());
  if (messageId) turns = turns.filter((t) => t.messageId === messageId);
  const rows = turns.map((t) => prepare(spec, { origin: "thumbs-up", question: t.question, sources: t.sources, idealAnswer: t.answer, messageId: t.messageId, dedupeKey: `thumbs-up:${t.messageId}` }, admin));
  return store(admin, "training.add_thumbs_up", rows, messageId ? { messageId } : {});
}

/** An admin's corrected version of an answer, trained with the sources the original answer had. */
export async function correctAnswer(admin: CurrentUser, messageId: string, idealAnswer: string, tags?: string[]): Promise<TrainingExampleRow> {
  if (!idealAnswer.trim()) throw new AppError("bad_request", "Write the corrected answer first.");
  const turn = await answeredTurn(db(), messageId);
  if (!turn) throw new AppError("not_found", "This answer does not exist (or was deleted).");
  const spec = await currentSpec(db());
  const [row] = await store(admin, "training.correct", [
    prepare(spec, { origin: "correction", question: turn.question, sources: turn.sources, idealAnswer, tags: tags?.length ? tags : undefined, messageId, dedupeKey: `correction:${messageId}` }, admin),
  ], { messageId });
  if (!row) throw new AppError("conflict", "This answer has been corrected already.");
  return row;
}

export interface WrittenExample {
  question: string;
  /** Sources typed or pasted by the admin. */
  pasted: { title: string; text: string }[];
  /** Sources picked from the index, numbered after the pasted ones. */
  chunkIds: string[];
  idealAnswer: string;
  tags: string[];
}

export async function writeExample(admin: CurrentUser, input: WrittenExample): Promise<TrainingExampleRow> {
  if (!input.question.trim() || !input.idealAnswer.trim()) throw new AppError("bad_request", "An example needs a question and an ideal answer.");
  const picked = await frozenChunks(db(), input.chunkIds);
  if (picked.length < input.chunkIds.length) throw new AppError("bad_request", "Some of the chunk ids do not exist. Copy them from a document's chunks.");
  const sources: TrainingSource[] = [
    ...input.pasted.map((p, i) => ({ n: i + 1, title: p.title || `Source ${i + 1}`, headingPath: [], text: p.text })),
    ...picked.map((c, i) => ({ ...c, n: input.pasted.length + i + 1 })),
  ];
  const spec = await currentSpec(db());
  const [row] = await store(admin, "training.write", [prepare(spec, { origin: "written", ...input, sources, tags: input.tags.length ? input.tags : undefined }, admin)]);
  return row!;
}

const OFF_TOPIC_QUESTIONS = [
  "What is the capital of Australia?",
  "How do I bake sourdough bread?",
  "Who won the football world cup in 1998?",
  "What is the boiling point of mercury?",
  "Can you recommend a good science fiction novel?",
  "How many moons does Jupiter have?",
  "What is the best way to learn the violin?",
  "How do I change a flat tyre on a bicycle?",
];

/**
 * Refusal, escalation, hard-negative and not-found examples from the spec's example questions (or,
 * for a topic without any, questions made from its keywords), deterministic for a given spec and
 * index: the same call twice adds nothing new. Each is paired with real sources from the index, as
 * retrieval would pair them, so the model learns to behave whatever it is given; where those sources
 * answer the question, the ideal answer quotes them as the built-in answerer would.
 */
export async function generateExamples(admin: CurrentUser): Promise<TrainingExampleRow[]> {
  const spec = await currentSpec(db());
  const rows: NewTrainingExample[] = [];
  const sourcesFor = async (seed: string) => frozenChunks(db(), await pickChunkIds(db(), seed, 2));
  const extract = (question: string, sources: TrainingSource[]) =>
    composeExtractiveAnswer(question, sources, { notFound: spec.spec.notFound, bulletLists: spec.spec.format.bulletLists, maxWords: spec.spec.format.maxWords }).text;
  const key = (kind: string, question: string) => `generated:v${spec.version}:${kind}:${question}`;
  for (const topic of spec.spec.refuse) {
    for (const question of topicExamples(topic, "refuse")) {
      rows.push(prepare(spec, { origin: "generated", question, sources: await sourcesFor(question), idealAnswer: topic.referral, tags: [refuseLabel(topic.id)], dedupeKey: key(`refuse:${topic.id}`, question) }, admin));
    }
  }
  for (const topic of spec.spec.escalate) {
    for (const question of topicExamples(topic, "escalate")) {
      const sources = await sourcesFor(question);
      const idealAnswer = `${extract(question, sources)}\n\n${topic.message} Contact: ${topic.contact}.`;
      rows.push(prepare(spec, { origin: "generated", question, sources, idealAnswer, dedupeKey: key(`escalate:${topic.id}`, question) }, admin));
    }
  }
  for (const question of [...spec.spec.refuse, ...spec.spec.escalate].flatMap((t) => t.counterExamples ?? [])) {
    const sources = await sourcesFor(question);
    rows.push(prepare(spec, { origin: "generated", question, sources, idealAnswer: extract(question, sources), dedupeKey: key("answer", question) }, admin));
  }
  for (const question of OFF_TOPIC_QUESTIONS) {
    rows.push(prepare(spec, { origin: "generated", question, sources: await sourcesFor(question), idealAnswer: spec.spec.notFound, tags: ["not-found"], dedupeKey: key("not-found", question) }, admin));
  }
  return store(admin, "training.generate", rows, { specVersion: spec.version });
}

export async function setExampleFlags(admin: CurrentUser, id: string, patch: { leakAccepted?: boolean; archived?: boolean }) {
  const existing = await findExample(db(), id);
  if (!existing) throw new AppError("not_found", "This example does not exist.");
  return db().transaction(async (tx) => {
    const row = await updateExample(tx, id, patch);
    await audit(tx, admin, "training.update", { type: "training_example", id: id }, patch);
    return row!;
  });
}

export type { TrainingExampleRow } from "@/db/queries/training-examples";
export type { AnsweredTurn } from "@/db/queries/training-sources";
