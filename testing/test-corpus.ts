import fs from "node:fs";
import path from "node:path";
import { softDeleteDocumentsOfGroups } from "@/db/queries/bulk-corpus";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { db } from "../lib/db";
import { embedder } from "../lib/embeddings";
import { SAMPLE_POLICIES_DIR } from "../lib/samples";
import { createTestUser } from "./fixtures";
import { buildSyntheticCorpus, type SourceText } from "./synthetic-corpus";

/** Paragraphs of the shipped Markdown policies: real text for small synthetic corpora in tests. */
export function samplePolicyParagraphs(): SourceText[] {
  return fs.readdirSync(SAMPLE_POLICIES_DIR).filter((f) => f.endsWith(".md")).flatMap((file) => {
    const text = fs.readFileSync(path.join(SAMPLE_POLICIES_DIR, file), "utf8");
    return text.split(/\n\s*\n/).filter((p) => p.length > 120 && !p.startsWith("|")).map((p) => ({ title: file, text: p.replace(/[#*]/g, "") }));
  });
}

/**
 * A synthetic corpus spread over `groupCount` reader groups, with an employee in the first group
 * only (reads 1/groupCount of it) and one in all of them. `remove()` takes it out of retrieval
 * again: its near-copies of the sample policies would otherwise outrank the real ones in later tests.
 */
export async function restrictedCorpus(chunks: number, groupCount: number) {
  const tag = Math.random().toString(36).slice(2, 8);
  const groupIds = await ensureGroups(db(), Array.from({ length: groupCount }, (_, i) => `corpus-${tag}-${i}`));
  await buildSyntheticCorpus(db(), { chunks, chunksPerDocument: 2, groups: groupIds, sources: samplePolicyParagraphs(), embedder: embedder() });
  const narrow = await createTestUser("employee");
  await addUserToGroups(db(), narrow.id, groupIds.slice(0, 1));
  const wide = await createTestUser("employee");
  await addUserToGroups(db(), wide.id, groupIds);
  const remove = () => softDeleteDocumentsOfGroups(db(), groupIds);
  return { narrow: { userId: narrow.id, isAdmin: false }, wide: { userId: wide.id, isAdmin: false }, groupIds, remove };
}
