/**
 * Which model an install starts with: a new one the configured default, one from before the
 * registry the model its stored vectors were made by, even after the default has moved on.
 */
import { afterEach, expect, it } from "vitest";
import { activeEmbeddingModel, listEmbeddingModels } from "@/db/queries/embedding-models";
import { ensureGroups } from "@/db/queries/groups";
import { openScratchDatabase, type ScratchDatabase } from "../evaluation/scratch-database";
import { buildSyntheticCorpus } from "@/testing/synthetic-corpus";
import { samplePolicyParagraphs } from "@/testing/test-corpus";
import { HASHING_MODEL_ID } from "./hashing-embedder";
import { builtinEmbedder } from ".";
import { activeEmbedder } from "./registry";

let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.close();
  scratch = undefined;
});

it("starts a new install on the default built-in model", async () => {
  scratch = await openScratchDatabase({ fresh: true });
  expect((await activeEmbedder()).id).toBe(HASHING_MODEL_ID);
}, 60_000);

it("keeps an install from before the registry on the model its vectors were made by", async () => {
  scratch = await openScratchDatabase({ fresh: true });
  const [group] = await ensureGroups(scratch.db, ["registry-test"]);
  const v1 = builtinEmbedder("builtin-hash-1024-v1");
  await buildSyntheticCorpus(scratch.db, { chunks: 5, groups: [group!], sources: samplePolicyParagraphs(), embedder: v1 });
  expect(await activeEmbeddingModel(scratch.db)).toBeNull();
  expect((await activeEmbedder()).id).toBe(v1.id);
  expect(v1.id).not.toBe(HASHING_MODEL_ID);
}, 60_000);

it("counts the active model's chunks as they are now, not as its last switch left them", async () => {
  scratch = await openScratchDatabase({ fresh: true });
  const model = await activeEmbedder(); // registers and activates the default, with counters at 0
  const [group] = await ensureGroups(scratch.db, ["registry-count-test"]);
  await buildSyntheticCorpus(scratch.db, { chunks: 5, groups: [group!], sources: samplePolicyParagraphs(), embedder: model });
  const active = (await listEmbeddingModels(scratch.db)).find((m) => m.status === "active");
  expect(active).toMatchObject({ id: model.id, totalChunks: 5, embeddedChunks: 5 });
}, 120_000); // a fresh embedded database migrates first: over a minute on a busy machine
