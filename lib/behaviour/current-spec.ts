import { latestSpec, seedFirstSpec, specByVersion } from "@/db/queries/behaviour-specs";
import type { Executor } from "@/db/client";
import { db as appDb } from "../db";
import { behaviourSpecSchema, DEFAULT_BEHAVIOUR_SPEC, type BehaviourSpec } from "./spec";

export interface VersionedSpec {
  version: number;
  spec: BehaviourSpec;
}

/** The spec in force (the highest version); on a fresh install the default is seeded as version 1 first. */
export async function currentSpec(db: Executor = appDb()): Promise<VersionedSpec> {
  let row = await latestSpec(db);
  if (!row) {
    await seedFirstSpec(db, DEFAULT_BEHAVIOUR_SPEC);
    row = (await latestSpec(db))!;
  }
  return { version: row.version, spec: behaviourSpecSchema.parse(row.content) };
}

export async function specOfVersion(db: Executor, version: number): Promise<VersionedSpec | null> {
  const row = await specByVersion(db, version);
  return row ? { version: row.version, spec: behaviourSpecSchema.parse(row.content) } : null;
}
