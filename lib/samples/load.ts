import { acceptUpload } from "../ingest/upload";
import { listSamplePolicies } from ".";

/** Queues the sample policies that ship with Groundwork, so a new install can be tried at once. */
export async function loadSamplePolicies(uploadedBy: string) {
  const samples = await listSamplePolicies();
  return Promise.all(samples.map((s) => acceptUpload({ filename: s.filename, bytes: s.bytes, uploadedBy, via: "samples" })));
}
