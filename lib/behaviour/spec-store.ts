import { forgetCachedReads } from "@/db/cached-reads";
import { saveSpecVersion } from "@/db/queries/behaviour-specs";
import { audit } from "@/lib/admin/audit";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { currentSpec, type VersionedSpec as CurrentSpec } from "./current-spec";
import { behaviourSpecSchema, duplicateTopicIds, type BehaviourSpec } from "./spec";

export { currentSpec, type VersionedSpec as CurrentSpec } from "./current-spec";

export type SpecIssues = { path: string; message: string }[];

export function validateSpec(input: unknown): { spec: BehaviourSpec } | { issues: SpecIssues } {
  const parsed = behaviourSpecSchema.safeParse(input);
  if (parsed.success) {
    const clashes = duplicateTopicIds(parsed.data);
    return clashes.length ? { issues: clashes } : { spec: parsed.data };
  }
  return { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
}

/** Saves a new version (never edits one: answers, training examples and eval runs name the version they used). */
export async function saveSpec(admin: CurrentUser, input: unknown, note: string): Promise<CurrentSpec> {
  const result = validateSpec(input);
  if ("issues" in result) throw new AppError("bad_request", `The spec is not valid: ${result.issues.map((i) => `${i.path || "spec"}: ${i.message}`).join("; ")}`);
  await currentSpec(); // the default stays version 1, so history starts where the assistant did
  const saved = await db().transaction(async (tx) => {
    const row = await saveSpecVersion(tx, { content: result.spec, note: note.trim() || undefined, createdBy: admin.id });
    await audit(tx, admin, "behaviour_spec.save", { type: "behaviour_spec", id: String(row.version) }, { note: note.trim() || null });
    return { version: row.version, spec: result.spec };
  });
  forgetCachedReads(); // after the commit: an answer in between would have kept the old spec
  return saved;
}
