import type { Asker } from "@/db/queries/access";
import { chunkDocumentNames } from "@/db/queries/evaluation";
import type { BeirDataset } from "./beir";
import { ingestUploads, openScratchDatabase } from "./scratch-database";

export interface IndexedCorpus {
  db: Awaited<ReturnType<typeof openScratchDatabase>>["db"];
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
  const scratch = await openScratchDatabase();
  await ingestUploads(
    scratch,
    data.corpus.map((doc) => {
      const group = groupOf(doc.metadata);
      return { filename: `${doc.id}.txt`, bytes: Buffer.from(`${doc.title}\n\n${doc.text}`.trim()), groups: group ? [group] : [] };
    }),
  );
  const names = await chunkDocumentNames(scratch.db);
  return {
    db: scratch.db,
    documentOf: (chunkId) => (names.get(chunkId) ?? "").replace(/\.txt$/, ""),
    async askerFor(group) {
      const user = await scratch.employee(group ? [group] : []);
      return { userId: user.id, isAdmin: false };
    },
    close: scratch.close,
  };
}
