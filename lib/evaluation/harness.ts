import { startEmbeddedServer, type EmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import type { Asker } from "@/db/queries/access";
import { chunkDocumentNames } from "@/db/queries/evaluation";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { createUser } from "@/db/queries/users";
import { useDatabase } from "../db";
import { embedder } from "../embeddings";
import { env } from "../env";
import { acceptUpload } from "../ingest/upload";
import { processNextJob } from "../ingest/worker";
import type { BeirDataset } from "./beir";

export interface IndexedCorpus {
  db: ReturnType<typeof useDatabase>["db"];
  /** Chunk id -> the dataset's document id. */
  documentOf: (chunkId: string) => string;
  /** An employee who may read the corpus, or only the documents of `group`. */
  askerFor: (group: string | undefined) => Promise<Asker>;
  close: () => Promise<void>;
}

/**
 * Ingests a BEIR corpus through the product's own pipeline into a fresh embedded database (or
 * DATABASE_URL, which must then be empty). `groupOf` puts a document in a reader group, so that
 * queries can be restricted by the permission filter, as they are for employees.
 */
export async function indexBeirCorpus(data: BeirDataset, groupOf: (metadata: unknown) => string | undefined): Promise<IndexedCorpus> {
  let embedded: EmbeddedServer | undefined;
  let url = env().DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedServer(null);
    url = embedded.url;
  }
  const { db, pool } = useDatabase(url);
  await migrateDatabase(db);
  const model = embedder();
  await ensureVectorIndex(db, model.id, model.dimensions);
  const owner = (await createUser(db, { email: `eval-admin-${Date.now()}@example.com`, name: "eval", passwordHash: "-" }))!;

  console.log(`Ingesting ${data.corpus.length} documents…`);
  const started = performance.now();
  for (const doc of data.corpus) {
    const group = groupOf(doc.metadata);
    await acceptUpload({ filename: `${doc.id}.txt`, bytes: Buffer.from(`${doc.title}\n\n${doc.text}`.trim()), uploadedBy: owner.id, groups: group ? [group] : undefined });
  }
  let done = 0;
  while (await processNextJob("eval")) if (++done % 1000 === 0) console.log(`  ${done} indexed`);
  console.log(`Indexed in ${((performance.now() - started) / 1000).toFixed(0)} s with ${model.id}.`);
  const names = await chunkDocumentNames(db);

  const askers = new Map<string, Asker>();
  return {
    db,
    documentOf: (chunkId) => (names.get(chunkId) ?? "").replace(/\.txt$/, ""),
    async askerFor(group) {
      const key = group ?? "";
      if (!askers.has(key)) {
        const user = (await createUser(db, { email: `eval-${askers.size}-${Date.now()}@example.com`, name: "eval", passwordHash: "-" }))!;
        if (group) await addUserToGroups(db, user.id, await ensureGroups(db, [group]));
        askers.set(key, { userId: user.id, isAdmin: false });
      }
      return askers.get(key)!;
    },
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
