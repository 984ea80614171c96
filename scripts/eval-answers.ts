/**
 * `npm run eval:answers -- <set folder> [--model <registered model>] [--limit N] [--json FILE] [--out FILE]`
 *
 * The end-to-end answer evaluation (lib/evaluation/answer-run.ts): ingests the set's documents into
 * a scratch database (embedded PGlite, or DATABASE_URL, which should then be empty), asks every
 * question as an employee of its groups, after its history, through the chat's own answer path,
 * and prints the answer, refusal, citation, retrieval and behaviour figures with the latency.
 * --json writes those figures, --out one JSON line per question. A malformed set exits non-zero
 * with the file and line at fault, before touching a database.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadAnswerSet, type AnswerSet } from "@/lib/evaluation/answer-set";

const usage = "usage: npm run eval:answers -- <set folder> [--model <registered model>] [--limit N] [--json FILE] [--out FILE]";
const parse = () =>
  parseArgs({ allowPositionals: true, options: { model: { type: "string" }, limit: { type: "string" }, json: { type: "string" }, out: { type: "string" } } });
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (err) {
  console.error(`${err instanceof Error ? err.message : err}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = args;
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (positionals.length !== 1 || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) {
  console.error(usage);
  process.exit(2);
}

let set: AnswerSet;
try {
  set = loadAnswerSet(positionals[0]!);
} catch (err) {
  console.error(`Malformed set: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

// Loaded only now: the product's modules take seconds to load, and a malformed set needs none of them.
const { runAnswerEval } = await import("@/lib/evaluation/answer-run");
try {
  const report = await runAnswerEval(set, { model: values.model, limit, out: values.out });
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  if (values.json) fs.writeFileSync(values.json, `${json}\n`);
  process.exit(0);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
