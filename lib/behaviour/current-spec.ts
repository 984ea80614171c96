import { latestSpec, saveSpecVersion, specByVersion } from "@/db/queries/behaviour-specs";
import type { Executor } from "@/db/client";
import { behaviourSpecSchema, DEFAULT_BEHAVIOUR_SPEC, type BehaviourSpec } from "./spec";

export interface VersionedSpec {
  version: number;
  spec: BehaviourSpec;
}

/** The current spec; on a fresh install the default is saved as version 1 first. */
export async function currentSpec(db: Executor): Promise<VersionedSpec> {
  const row = (await latestSpec(db)) ?? (await saveSpecVersion(db, { content: DEFAULT_BEHAVIOUR_SPEC, note: "Default behaviour" }));
  return { version: row.version, spec: behaviourSpecSchema.parse(row.content) };
}

export async function specOfVersion(db: Executor, version: number): Promise<VersionedSpec | null> {
  const row = await specByVersion(db, version);
  return row ? { version: row.version, spec: behaviourSpecSchema.parse(row.content) } : null;
}
