import { audit } from "@/lib/admin/audit";
import { findExample, insertExamples, updateExample, type NewTrainingExample, type TrainingExampleRow } from "@/db/queries/training-examples";
import { answeredTurn, frozenChunks, newThumbsUpTurns, pickChunkIds } from "@/db/queries/training-sources";
import type { TrainingSource } from "@/db/schema";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { splitSentences } from "../text/sentences";
import { currentSpec } from "./current-spec";
import { findKnowledgeLeaks } from "./knowledge-leak";
import type { BehaviourSpec } from "./spec";
import { specTexts } from "./training-format";

/** Whole-word, case-insensitive: "bribe" matches "a bribe?" but not "bribery" (which is its own keyword). */
export function mentions(text: string, phrase: string): boolean {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** Behaviour tags read off a question and its answer. */
export function inferTags(spec: BehaviourSpec, question: string, answer: string): string[] {
  const tags = new Set<string>();
  for (const t of spec.refuse) if (t.keywords.some((k) => mentions(question, k))) tags.add(`refuse:${t.id}`);
  for (const t of spec.escalate) if (t.keywords.some((k) => mentions(question, k))) tags.add(`escalate:${t.id}`);
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
    tags: normalizeTags(input.tags ?? inferTags(spec.spec, input.question, input.idealAnswer)),
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

const REFUSE_TEMPLATES = ["Can you help me with {k}?", "I need advice about {k}. What should I do?", "Who should I talk to about {k}?"];

/**
 * Refusal, escalation and not-found examples derived from the spec, deterministic for a given
 * spec and index: the same call twice adds nothing new. Each is paired with real sources from
 * the index, as retrieval would pair them, so the model learns to behave whatever it is given.
 */
export async function generateExamples(admin: CurrentUser): Promise<TrainingExampleRow[]> {
  const spec = await currentSpec(db());
  const rows: NewTrainingExample[] = [];
  const sourcesFor = async (seed: string, containing?: string) => frozenChunks(db(), await pickChunkIds(db(), seed, containing ? 1 : 2, containing));
  for (const topic of spec.spec.refuse) {
    for (const [i, k] of topic.keywords.entries()) {
      const question = REFUSE_TEMPLATES[i % REFUSE_TEMPLATES.length]!.replace("{k}", k);
      rows.push(prepare(spec, { origin: "generated", question, sources: await sourcesFor(question), idealAnswer: topic.referral, tags: [`refuse:${topic.id}`], dedupeKey: `generated:v${spec.version}:refuse:${topic.id}:${k}` }, admin));
    }
  }
  for (const topic of spec.spec.escalate) {
    for (const k of topic.keywords) {
      const question = `What does the policy say about ${k}?`;
      const [hit] = await sourcesFor(question, k);
      const sentence = hit && splitSentences(hit.text).find((s) => mentions(s, k));
      const sources = hit ? [hit, ...(await sourcesFor(question)).filter((s) => s.chunkId !== hit.chunkId).slice(0, 1)].map((s, n) => ({ ...s, n: n + 1 })) : await sourcesFor(question);
      const escalation = `${topic.message} Contact: ${topic.contact}.`;
      const idealAnswer = sentence ? `${sentence.trim()} [1]\n\n${escalation}` : `${spec.spec.notFound}\n\n${escalation}`;
      const tags = [`escalate:${topic.id}`, sentence ? "cites" : "not-found"];
      rows.push(prepare(spec, { origin: "generated", question, sources, idealAnswer, tags, dedupeKey: `generated:v${spec.version}:escalate:${topic.id}:${k}` }, admin));
    }
  }
  for (const question of OFF_TOPIC_QUESTIONS) {
    rows.push(prepare(spec, { origin: "generated", question, sources: await sourcesFor(question), idealAnswer: spec.spec.notFound, tags: ["not-found"], dedupeKey: `generated:v${spec.version}:not-found:${question}` }, admin));
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
