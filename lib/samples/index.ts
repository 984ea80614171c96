import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { detectMime } from "../ingest/parsers";

export interface SamplePolicy {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * The folder is resolved from the working directory, not from this module's location: Next bundles
 * server code into .next/, where import.meta.url no longer points next to the policy files. Both the
 * app and the scripts run from the project root.
 */
export const SAMPLE_POLICIES_DIR = path.join(process.cwd(), "lib", "samples", "policies");

/** The sample policies that ship with Groundwork, in a stable (alphabetical) order. */
export async function listSamplePolicies(): Promise<SamplePolicy[]> {
  const names = (await readdir(SAMPLE_POLICIES_DIR)).sort();
  const samples: SamplePolicy[] = [];
  for (const filename of names) {
    const bytes = new Uint8Array(await readFile(path.join(SAMPLE_POLICIES_DIR, filename)));
    // Detected like any upload, so an unexpected file in the folder is skipped rather than mislabelled.
    const mime = detectMime(bytes, filename);
    if (mime) samples.push({ filename, mime, bytes });
  }
  return samples;
}
