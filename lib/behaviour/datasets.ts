import { createHash } from "node:crypto";
import { audit } from "@/lib/admin/audit";
import { datasetLines, findDataset, saveDataset, type DatasetRow, type FrozenLine } from "@/db/queries/datasets";
import { listExamples, type TrainingExampleRow } from "@/db/queries/training-examples";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { currentSpec, specOfVersion } from "./current-spec";
import { behaviourOf, OPENAI_LIMITS, validateDataset, type Costing, type ValidationReport } from "./dataset-validation";
import type { BehaviourSpec } from "./spec";
import { countLineTokens, toChatLine } from "./training-format";

export const VALIDATION_SHARE = 0.2;

/**
 * Train/validation split, stratified by behaviour and decided by a hash of each example's content:
 * the same examples always split the same way, whatever order they come in, and every behaviour
 * with enough examples is represented in validation.
 */
export function splitExamples<T extends { question: string; idealAnswer: string; tags: string[] }>(examples: T[], share = VALIDATION_SHARE): Map<T, "train" | "validation"> {
  const groups = new Map<string, { example: T; hash: string }[]>();
  for (const example of examples) {
    const hash = createHash("sha256").update(`${example.question}\n${example.idealAnswer}`).digest("hex");
    const key = behaviourOf(example.tags);
    groups.set(key, [...(groups.get(key) ?? []), { example, hash }]);
  }
  const split = new Map<T, "train" | "validation">();
  for (const group of groups.values()) {
    group.sort((a, b) => a.hash.localeCompare(b.hash));
    const validation = Math.floor(group.length * share);
    group.forEach((g, i) => split.set(g.example, i < validation ? "validation" : "train"));
  }
  return split;
}

/** Behaviours the spec defines, each of which a dataset should teach. */
export function expectedBehaviours(spec: BehaviourSpec): string[] {
  return ["answer", "not-found", ...spec.refuse.map((t) => `refuse:${t.id}`), ...spec.escalate.map((t) => `escalate:${t.id}`)];
}

/** Examples a dataset may contain: not archived, and without unaccepted knowledge leaks. */
export const isTrainable = (e: TrainingExampleRow) => !e.archived && (e.leaks.length === 0 || e.leakAccepted);

export function buildLines(spec: BehaviourSpec, examples: TrainingExampleRow[]): FrozenLine[] {
  const split = splitExamples(examples);
  return examples.map((e) => {
    const line = toChatLine(spec, e);
    return { exampleId: e.id, split: split.get(e)!, tags: e.tags, line, tokens: countLineTokens(line) };
  });
}

export function defaultCosting(): Costing {
  return { baseModel: env().FINE_TUNE_BASE_MODEL, epochs: env().FINE_TUNE_EPOCHS, pricePerMillion: env().FINE_TUNE_PRICE_PER_MILLION };
}

/** Freezes the trainable examples of a spec version (the current one by default) as a new dataset version. */
export async function freezeDataset(admin: CurrentUser, input: { specVersion?: number; note?: string; costing?: Costing } = {}): Promise<DatasetRow> {
  const spec = input.specVersion ? await specOfVersion(db(), input.specVersion) : await currentSpec(db());
  if (!spec) throw new AppError("not_found", `There is no behaviour spec version ${input.specVersion}.`);
  const examples = (await listExamples(db(), { specVersion: spec.version })).filter(isTrainable).sort((a, b) => a.id.localeCompare(b.id));
  if (examples.length === 0) throw new AppError("bad_request", `No trainable examples for spec version ${spec.version} yet. Add or generate examples first.`);
  const lines = buildLines(spec.spec, examples);
  const report = validateDataset(lines, OPENAI_LIMITS, input.costing ?? defaultCosting(), expectedBehaviours(spec.spec));
  return db().transaction(async (tx) => {
    const row = await saveDataset(tx, { specVersion: spec.version, note: input.note, report: report as unknown as Record<string, unknown>, createdBy: admin.id, lines });
    await audit(tx, admin, "dataset.freeze", { type: "dataset", id: row.id }, { version: row.version, examples: lines.length, ok: report.ok });
    return row;
  });
}

export const reportOf = (dataset: DatasetRow) => dataset.report as unknown as ValidationReport;

/** The dataset's lines of one split as JSONL, in OpenAI's chat fine-tuning format. */
export async function datasetJsonl(datasetId: string, split: "train" | "validation"): Promise<{ dataset: DatasetRow; jsonl: string }> {
  const dataset = await findDataset(db(), datasetId);
  if (!dataset) throw new AppError("not_found", "This dataset does not exist.");
  if (!reportOf(dataset).ok) throw new AppError("bad_request", `Dataset version ${dataset.version} failed validation; fix the failing checks and freeze a new version.`);
  const lines = (await datasetLines(db(), datasetId)).filter((l) => l.split === split);
  return { dataset, jsonl: lines.map((l) => JSON.stringify(l.line)).join("\n") + (lines.length ? "\n" : "") };
}
