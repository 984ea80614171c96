import { latestSpec, latestSpecCached, seedFirstSpec, specByVersion, type BehaviourSpecRow } from "@/db/queries/behaviour-specs";
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
  return versioned(row);
}

// Parsed once per row read, not once per answer.
const parsed = new WeakMap<BehaviourSpecRow, VersionedSpec>();

/**
 * The spec answers follow: the one in force as read in the last two seconds (db/cached-reads.ts),
 * since every answer needs it. A save in this process is seen by the next answer; one in
 * another process within two seconds.
 */
export async function servingSpec(): Promise<VersionedSpec> {
  const row = await latestSpecCached.get(appDb());
  if (!row) return currentSpec();
  let spec = parsed.get(row);
  if (!spec) parsed.set(row, (spec = versioned(row)));
  return spec;
}

export async function specOfVersion(db: Executor, version: number): Promise<VersionedSpec | null> {
  const row = await specByVersion(db, version);
  return row ? versioned(row) : null;
}

function versioned(row: BehaviourSpecRow): VersionedSpec {
  return { version: row.version, spec: behaviourSpecSchema.parse(row.content) };
}
