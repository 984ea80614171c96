import fs from "node:fs";
import path from "node:path";
import { documentFrequencies } from "@/db/queries/term-stats";
import { ANSWERER_DEFAULTS, composeExtractiveAnswer, readQuestion, type AnswererSettings, type TermWeights } from "../ai/extractive-answer";
import type { PromptSource } from "../ai/prompt";
import { askerOf } from "../auth/user";
import { declines } from "../behaviour/eval/checks";
import { DEFAULT_BEHAVIOUR_SPEC } from "../behaviour/spec";
import { retrieve } from "../retrieval/retrieve";
import { rewriteByRules } from "../retrieval/rewrite";
import { aggregate, scoreQuestion, type AnswerReport } from "./answer-metrics";
import type { AnswerQuestion, AnswerSet } from "./answer-set";
import { ingestUploads, openScratchDatabase } from "./scratch-database";

/**
 * What the built-in answerer sees for each question of a set, gathered once: the question and its
 * standalone form (the chat's rules rewrite), the sources retrieval gives this asker, where each
 * comes from, and the index's statistics for the question's words. The answerer is pure in these,
 * so its settings can then be tried by the hundred in seconds (`npm run tune:answerer`), scored by
 * the same metrics as `npm run eval:answers`.
 */
export interface Prepared {
  question: AnswerQuestion;
  /** The question as the built-in model reads it (typos corrected: readQuestion). */
  asked: string;
  /** A follow-up's standalone form, which the built-in model reads beside the message as written. */
  standalone?: string;
  sources: PromptSource[];
  places: { n: number; file: string; page: number | null }[];
  weights: TermWeights;
}

export async function prepareSet(set: AnswerSet, limit?: number): Promise<Prepared[]> {
  const scratch = await openScratchDatabase();
  try {
    const { documentIds } = await ingestUploads(
      scratch,
      set.files.map((f) => ({ filename: f.path, bytes: fs.readFileSync(path.join(set.documentsDir, f.path)), groups: f.groups })),
    );
    const fileOf = new Map([...documentIds].map(([index, documentId]) => [documentId, set.files[index]!.path]));
    const prepared: Prepared[] = [];
    for (const q of set.questions.slice(0, limit)) {
      const user = await scratch.employee(q.groups);
      const rewrite = rewriteByRules(q.question, q.history.map((t) => ({ role: t.role, text: t.text })));
      const { sources } = await retrieve(askerOf(user), rewrite.query);
      const standalone = rewrite.method === "none" ? undefined : rewrite.query;
      const promptSources = sources.map((s) => ({ n: s.n, title: s.title, headingPath: s.headingPath, page: s.page, text: s.text }));
      const read = await readQuestion(q.question, standalone, promptSources, (words) => documentFrequencies(scratch.db, words));
      prepared.push({
        question: q,
        asked: read.asked,
        standalone: read.standalone,
        weights: read.weights,
        sources: promptSources,
        places: sources.map((s) => ({ n: s.n, file: fileOf.get(s.documentId) ?? "", page: s.page })),
      });
    }
    return prepared;
  } finally {
    await scratch.close();
  }
}

export interface Trial {
  report: AnswerReport;
  /** Each answerable question's evidence and each unanswerable one's, for the trade-off curve. */
  evidence: { answerable: boolean; evidence: number; hit: boolean }[];
}

/** The answerer with `settings` over prepared questions (those that state no other behaviour than answering). */
export function tryAnswerer(name: string, prepared: Prepared[], settings: AnswererSettings = ANSWERER_DEFAULTS): Trial {
  const spec = DEFAULT_BEHAVIOUR_SPEC;
  const evidence: Trial["evidence"] = [];
  const outcomes = prepared
    .filter((p) => !p.question.behaviour || p.question.behaviour === "answer")
    .map((p) => {
      const { standalone } = p;
      const asked = p.asked ?? p.question.question;
      const result = composeExtractiveAnswer(asked, p.sources, { notFound: spec.notFound, weights: p.weights, standalone, settings });
      const cited = p.places.filter((place) => result.cited.includes(place.n));
      const declined = declines(result.text, spec);
      const outcome = scoreQuestion({
        answerable: p.question.answerable, answers: p.question.answers, citations: p.question.citations,
        answer: result.text, declined, cited, sources: p.places, behaviourPass: null, latencyMs: 0,
      });
      // The evidence the answerer would have had with no threshold: what a threshold sweep reads.
      const open = composeExtractiveAnswer(asked, p.sources, { notFound: spec.notFound, weights: p.weights, standalone, settings: { ...settings, minEvidence: 0 } });
      const openCited = p.places.filter((place) => open.cited.includes(place.n));
      evidence.push({
        answerable: p.question.answerable !== false,
        evidence: open.evidence,
        hit: openCited.some((c) => (p.question.citations ?? []).some((s) => s.file === c.file)),
      });
      return outcome;
    });
  return { report: aggregate(name, "builtin-extractive", outcomes), evidence };
}
