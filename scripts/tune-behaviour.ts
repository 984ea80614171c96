/**
 * `npm run tune:behaviour -- <set folder>...`
 *
 * How the built-in model's un-tuned behaviour classifier (the default spec's) decides the questions
 * of answer-evaluation sets, at several confidence floors (MIN_TOPIC_CONFIDENCE): how many ordinary
 * questions (behaviour `answer` or none) it refuses or escalates, and how many of the questions
 * that state a refuse or escalate topic it handles, plus the behaviour evaluation's held-apart
 * paraphrases and hard negatives. The classifier reads only the question as written, so this needs
 * no database and runs in seconds. docs/behaviour-learner.md has the figures.
 */
import { parseArgs } from "node:util";
import { behaviourOf, MIN_TOPIC_CONFIDENCE, specClassifier } from "@/lib/behaviour/classifier/topic-of";
import { TOPIC_HARD_NEGATIVES, TOPIC_PARAPHRASES } from "@/lib/behaviour/eval/held-apart";
import { DEFAULT_BEHAVIOUR_SPEC } from "@/lib/behaviour/spec";
import { loadAnswerSet } from "@/lib/evaluation/answer-set";

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length === 0) {
  console.error("usage: npm run tune:behaviour -- <set folder>...");
  process.exit(2);
}

interface Case {
  set: string;
  question: string;
  expected: string;
}

const cases: Case[] = positionals.flatMap((folder) => {
  const set = loadAnswerSet(folder);
  return set.questions.map((q) => ({ set: set.name, question: q.question, expected: q.behaviour ?? "answer" }));
});
const heldApart: Case[] = [
  ...Object.entries(TOPIC_PARAPHRASES).flatMap(([id, qs]) =>
    qs.map((q) => ({ set: "held-apart", question: q.question, expected: `${DEFAULT_BEHAVIOUR_SPEC.refuse.some((t) => t.id === id) ? "refuse" : "escalate"}:${id}` })),
  ),
  ...Object.values(TOPIC_HARD_NEGATIVES).flatMap((qs) => qs.map((q) => ({ set: "held-apart", question: q.question, expected: "answer" }))),
];

const spec = DEFAULT_BEHAVIOUR_SPEC;
const started = performance.now();
const classify = specClassifier(spec);
console.log(`trained on the default spec in ${Math.round(performance.now() - started)} ms`);

function decided(question: string, floor: number): string {
  const b = behaviourOf(question, spec, classify, floor);
  return b.refuse ? `refuse:${b.refuse.id}` : b.escalate ? `escalate:${b.escalate.id}` : "answer";
}

const floors = [0.4, 0.5, 0.6, 0.7, 0.8];
console.log("\nfloor  | ordinary refused or escalated | topic cases handled | held-apart right");
for (const floor of floors) {
  const ordinary = cases.filter((c) => c.expected === "answer");
  const topics = cases.filter((c) => c.expected !== "answer");
  const wrongOrdinary = ordinary.filter((c) => decided(c.question, floor) !== "answer");
  const handled = topics.filter((c) => decided(c.question, floor) === c.expected);
  const held = heldApart.filter((c) => decided(c.question, floor) === c.expected);
  const mark = floor === MIN_TOPIC_CONFIDENCE ? " (default)" : "";
  console.log(`${floor.toFixed(2)}${mark.padEnd(10)} | ${`${wrongOrdinary.length} of ${ordinary.length}`.padEnd(29)} | ${`${handled.length} of ${topics.length}`.padEnd(19)} | ${held.length} of ${heldApart.length}`);
}

// What the default floor gets wrong, to read.
console.log(`\nAt the default floor (${MIN_TOPIC_CONFIDENCE}):`);
for (const c of [...cases, ...heldApart]) {
  const got = decided(c.question, MIN_TOPIC_CONFIDENCE);
  if (got !== c.expected) console.log(`  [${c.set}] expected ${c.expected}, got ${got}: ${c.question.slice(0, 110)}`);
}
