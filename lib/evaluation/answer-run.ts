import { randomUUID } from "node:crypto";
import { titleFromQuestion } from "../chat/conversation-title";
import fs from "node:fs";
import path from "node:path";
import { vacuumAnalyze } from "@/db/queries/bulk-corpus";
import { activateChatModel, findChatModelByName, registerChatModel, type NewChatModel } from "@/db/queries/chat-models";
import { ensureConversation, listMessages, saveTurn } from "@/db/queries/conversations";
import { storedAnswerEvidence, type EvidencePlace } from "@/db/queries/evaluation";
import { findRegistryModel, resolveActiveModel } from "../ai/registry";
import type { CurrentUser } from "../auth/user";
import type { Check } from "../behaviour/eval/cases";
import { checkAnswer, withholdsAnswer } from "../behaviour/eval/checks";
import { currentSpec } from "../behaviour/spec-store";
import type { BehaviourSpec } from "../behaviour/spec";
import { askAndStore } from "./ask-and-store";
import { aggregate, scoreQuestion, type AnswerReport, type Place, type QuestionOutcome } from "./answer-metrics";
import type { AnswerQuestion, AnswerSet } from "./answer-set";
import { ingestUploads, openScratchDatabase, type ScratchDatabase } from "./scratch-database";

export interface AnswerRunOptions {
  /** A registered model's name or id; the active one (the environment's) by default. */
  model?: string;
  limit?: number;
  /**
   * A model of another database's registry (the product's, for a run an admin started), registered
   * in the scratch database under its name when that has none; `model` is then ignored.
   */
  registration?: NewChatModel;
  /** Writes one JSON line per question here. */
  out?: string;
  /** Called with each question's line (the one --out writes) as soon as it is scored. */
  onQuestion?: (line: AnswerLine) => void;
}

/** One question's line: what was asked, answered, cited and found, and its scores. */
export type AnswerLine = ReturnType<typeof answerLine>;

/**
 * The end-to-end answer evaluation: ingests the set's documents through the upload path into a
 * scratch database, stores each question's history as its employee's conversation, asks the
 * question through the chat's own answer path (rewrite, retrieval, model, citation check, store)
 * and scores what was stored.
 */
export async function runAnswerEval(set: AnswerSet, options: AnswerRunOptions = {}): Promise<AnswerReport> {
  const scratch = await openScratchDatabase();
  try {
    const model = options.registration
      ? ((await findChatModelByName(scratch.db, options.registration.name)) ?? (await registerChatModel(scratch.db, options.registration)))
      : options.model
        ? await findRegistryModel(options.model, scratch.db)
        : await resolveActiveModel(scratch.db);
    if (!model) throw new Error(`No model named "${options.model}" is registered. The built-in one and the environment's (CHAT_MODEL_PROVIDER) are.`);
    await activateChatModel(scratch.db, model.id);
    const { spec } = await currentSpec(scratch.db);
    const questions = set.questions.slice(0, options.limit);
    const checks = questions.map((q) => behaviourCheck(q, spec));

    const { documentIds, skipped } = await ingestUploads(
      scratch,
      set.files.map((f) => ({ filename: f.path, bytes: fs.readFileSync(path.join(set.documentsDir, f.path)), groups: f.groups })),
    );
    for (const s of skipped) console.log(`  skipped ${s.filename}: ${s.reason}`);
    // Planner statistics as autovacuum (or the embedded server's own ANALYZE) has them soon after a
    // load: the vector plan reads the table's row estimate, and a run must not depend on whether
    // that timer fired before the first question (the figures varied between runs of the same code).
    await vacuumAnalyze(scratch.db);
    const fileOf = new Map([...documentIds].map(([index, documentId]) => [documentId, set.files[index]!.path]));
    const places = (rows: EvidencePlace[]) => rows.flatMap((r) => (fileOf.has(r.documentId) ? [{ n: r.n, file: fileOf.get(r.documentId)!, page: r.page }] : []));

    if (options.out) fs.writeFileSync(options.out, "");
    console.log(`Asking ${questions.length} questions with ${model.name}…`);
    const outcomes: QuestionOutcome[] = [];
    for (const [i, q] of questions.entries()) {
      const user = await scratch.employee(q.groups);
      const conversationId = await storeHistory(scratch, user, q);
      const started = performance.now();
      const { messageId } = await askAndStore(user, q.question, conversationId);
      const latencyMs = performance.now() - started;
      const stored = (await listMessages(scratch.db, conversationId)).find((m) => m.id === messageId)!;
      const answer = (stored.parts as { type: string; text?: string }[]).flatMap((p) => (p.type === "text" && p.text ? [p.text] : [])).join("\n");
      const evidence = await storedAnswerEvidence(scratch.db, messageId);
      const cited = places(evidence.cited);
      const sources = places(evidence.sources);
      const declined = withholdsAnswer(answer, spec);
      const check = checks[i];
      const behaviourPass = check ? checkAnswer({ sources: [], check }, answer, spec).status === "pass" : null;
      const outcome = scoreQuestion({ answerable: q.answerable, answers: q.answers, citations: q.citations, answer, declined, cited, sources, behaviourPass, latencyMs });
      outcomes.push(outcome);
      if (options.out || options.onQuestion) {
        const line = answerLine(q, outcome, { searchedFor: evidence.rewrittenQuery ?? q.question, corrections: evidence.corrections, answer, cited, sources });
        if (options.out) fs.appendFileSync(options.out, `${JSON.stringify(line)}\n`);
        options.onQuestion?.(line);
      }
      if ((i + 1) % 25 === 0) console.log(`  ${i + 1}/${questions.length} asked`);
    }
    return aggregate(set.name, model.name, outcomes);
  } finally {
    await scratch.close();
  }
}

function answerLine(
  q: AnswerQuestion,
  outcome: QuestionOutcome,
  found: { searchedFor: string; corrections: { from: string; to: string }[]; answer: string; cited: Place[]; sources: Place[] },
) {
  const { answerable, latencyMs, ...scores } = outcome;
  const { searchedFor, corrections, answer, cited, sources } = found;
  return { id: q.id, question: q.question, groups: q.groups, answerable, searchedFor, corrections, answer, cited, sources, decline: outcome.declined, latencyMs: Math.round(latencyMs), scores };
}

/** The question's earlier turns, stored as its employee's conversation, as the chat would have stored them. */
async function storeHistory(scratch: ScratchDatabase, user: CurrentUser, q: AnswerQuestion): Promise<string> {
  const conversationId = randomUUID();
  if (q.history.length === 0) return conversationId;
  await ensureConversation(scratch.db, user.id, conversationId, titleFromQuestion(q.history[0]!.text));
  for (let t = 0; t < q.history.length; t += 2) {
    const [asked, answered] = [q.history[t]!, q.history[t + 1]!];
    await saveTurn(scratch.db, {
      conversationId,
      userMessage: { id: randomUUID(), parts: [{ type: "text", text: asked.text }] },
      assistantMessage: { id: randomUUID(), parts: [{ type: "text", text: answered.text }], model: "history", metadata: {} },
      citations: [],
      trace: { query: asked.text, keywordRanking: "fts", results: [] },
    });
  }
  return conversationId;
}

/** The behaviour evaluation's rule for a question's stated behaviour; none when it states none. */
function behaviourCheck(q: AnswerQuestion, spec: BehaviourSpec): Check | undefined {
  if (!q.behaviour) return undefined;
  if (q.behaviour === "answer") return q.answerable === false ? { kind: "not-found" } : { kind: "cited-answer", mustContain: [] };
  const [kind, id] = q.behaviour.split(":") as ["refuse" | "escalate", string];
  const topic = kind === "refuse" ? spec.refuse.find((t) => t.id === id) : spec.escalate.find((t) => t.id === id);
  if (!topic) throw new Error(`Question ${q.id}: the behaviour spec has no ${kind} topic "${id}".`);
  return kind === "refuse" ? { kind: "refusal", topic: topic as BehaviourSpec["refuse"][number] } : { kind: "escalation", topic: topic as BehaviourSpec["escalate"][number] };
}
