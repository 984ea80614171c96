import { describe, expect, it } from "vitest";
import { createHashingEmbeddingModel, hashingEmbedding, HASHING_DEFAULTS, HASHING_MODEL_ID, parseHashingModelId } from "./hashing-embedder";

const TEXT = "Employees' e-mail reimbursements: travelling policies, 2,500 EUR per trip (POL-TRV-004). The approvals were submitted.";
/** Non-zero dimensions and the index-weighted sum: changes with any feature, weight or hash. */
const fingerprint = (v: number[]) => [v.filter((x) => x !== 0).length, Number(v.reduce((s, x, i) => s + x * (i + 1), 0).toFixed(6))];
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe("hashing embedder", () => {
  it("computes version 1 exactly as it always has: installs hold its vectors", () => {
    // Fingerprints of the vectors the code before version 2 made (commit abe3555).
    expect(fingerprint(hashingEmbedding(TEXT, { ...HASHING_DEFAULTS, version: 1 }))).toEqual([77, 297.367404]);
    expect(fingerprint(hashingEmbedding(TEXT, { ...HASHING_DEFAULTS, version: 1, dimensions: 512 }))).toEqual([74, 197.186035]);
  });

  it("reads words with the text toolkit in version 2: Snowball stems meet where v1's suffix stripper did not", () => {
    const v2 = { ...HASHING_DEFAULTS, version: 2 as const };
    const v1 = { ...HASHING_DEFAULTS, version: 1 as const };
    // "approval" and "approve" share a Snowball stem; v1 kept them apart.
    expect(cosine(hashingEmbedding("approval", v2), hashingEmbedding("approve", v2))).toBeCloseTo(1, 6);
    expect(cosine(hashingEmbedding("approval", v1), hashingEmbedding("approve", v1))).toBeLessThan(0.9);
    // The toolkit's stopwords ("tell", "me") weigh nothing.
    expect(hashingEmbedding("tell me about expenses", v2)).toEqual(hashingEmbedding("expenses", v2));
  });

  it("names each dimension and version as its own model, and refuses an id that is none", async () => {
    expect(parseHashingModelId(HASHING_MODEL_ID)).toEqual({ dimensions: 1024, version: 2 });
    expect(parseHashingModelId("builtin-hash-512-v1")).toEqual({ dimensions: 512, version: 1 });
    expect(parseHashingModelId("openai:text-embedding-3-small:1536")).toBeNull();
    expect(() => createHashingEmbeddingModel("builtin-hash-1024-v9")).toThrow(/not a built-in embedding model/);
    const model = createHashingEmbeddingModel("builtin-hash-1024-v1");
    const { embeddings } = await model.doEmbed({ values: [TEXT] });
    expect(fingerprint(embeddings[0]!)).toEqual([77, 297.367404]);
  });
});
