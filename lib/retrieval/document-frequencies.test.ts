import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { embedder } from "@/lib/embeddings";
import { insertBulkDocuments } from "@/db/queries/bulk-corpus";
import { chunks } from "@/db/schema";
import { documentFrequencies } from "@/db/queries/term-stats";

// Made-up words (the suite shares one database): letters only, so each is one lexeme of its own.
const tag = randomUUID().replace(/[^a-f]/g, "").slice(0, 6);
const [rare, twice, hyphenA, hyphenB] = ["quorbel", "zentrix", "flurm", "gadrop"].map((w) => `${w}${tag}`) as [string, string, string, string];

describe("document frequencies, kept by the triggers on chunks", () => {
  it("counts the chunks holding each word, on insert and on delete, whatever wrote them", async () => {
    const texts = [`The ${rare} and the ${twice}.`, `Another ${twice} here, with ${hyphenA}-${hyphenB}.`, `Only ${hyphenA} today.`];
    const ids = texts.map(() => randomUUID());
    const model = embedder();
    const vectors = await model.embed(texts);
    const id = randomUUID();
    await insertBulkDocuments(db(), model.id, [{
      id, versionId: randomUUID(), title: `Frequencies ${tag}`, filename: `frequencies-${tag}.txt`, groupId: null,
      chunks: texts.map((text, i) => ({ id: ids[i]!, text, searchText: text, embedding: vectors[i]! })),
    }]);

    const stats = await documentFrequencies(db(), [rare, twice, `${hyphenA}-${hyphenB}`, hyphenA, "the", `absent${tag}`]);
    expect(stats.df.get(rare)).toBe(1);
    expect(stats.df.get(twice)).toBe(2);
    expect(stats.df.get(hyphenA)).toBe(2);
    expect(stats.df.get(`${hyphenA}-${hyphenB}`)).toBe(1); // as its rarest part
    expect(stats.df.get(`absent${tag}`)).toBe(0);
    expect(stats.df.has("the")).toBe(false); // a stop word has no lexeme, so no statistic
    expect(stats.chunks).toBeGreaterThanOrEqual(3);

    await db().delete(chunks).where(inArray(chunks.id, ids.slice(1)));
    const after = await documentFrequencies(db(), [rare, twice, hyphenA]);
    expect(Object.fromEntries(after.df)).toEqual({ [rare]: 1, [twice]: 1, [hyphenA]: 0 });
  });
});
