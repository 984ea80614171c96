import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadBeir } from "@/lib/evaluation/beir";
import { writeTempFiles } from "@/testing/temp-files";

const dataset = (files: Record<string, string>) => writeTempFiles("beir-", files);

const corpus = '{"_id":"d1","title":"T","text":"Some text."}\n';
const queries = '{"_id":"q1","text":"Some question?"}\n';
const header = "query-id\tcorpus-id\tscore\n";

function run(folder: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/eval-retrieval.ts", folder], { encoding: "utf8", timeout: 60_000 });
}

describe("npm run eval:retrieval on a malformed dataset", () => {
  it("exits non-zero before touching a database, and says what is wrong", () => {
    const result = run(dataset({ "corpus.jsonl": corpus, "queries.jsonl": queries, "qrels/test.tsv": `${header}q1\td9\t1\n` }));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Malformed dataset: .*document d9, which corpus.jsonl does not have/m);
  }, 90_000);
});

describe("loading a BEIR dataset", () => {
  it.each([
    ["a missing qrels file", { "corpus.jsonl": corpus, "queries.jsonl": queries }, /qrels\/test.tsv is missing/],
    ["a judgement of an unknown query", { "corpus.jsonl": corpus, "queries.jsonl": queries, "qrels/test.tsv": `${header}q7\td1\t1\n` }, /query q7/],
    ["a non-numeric score", { "corpus.jsonl": corpus, "queries.jsonl": queries, "qrels/test.tsv": `${header}q1\td1\thigh\n` }, /malformed qrels line/],
    ["no header", { "corpus.jsonl": corpus, "queries.jsonl": queries, "qrels/test.tsv": "q1\td1\t1\n" }, /header/],
    ["invalid JSON", { "corpus.jsonl": "{oops\n", "queries.jsonl": queries, "qrels/test.tsv": `${header}q1\td1\t1\n` }, /corpus.jsonl:1 is not valid JSON/],
    ["a document without an id", { "corpus.jsonl": '{"text":"x"}\n', "queries.jsonl": queries, "qrels/test.tsv": `${header}q1\td1\t1\n` }, /has no _id/],
    ["duplicate documents", { "corpus.jsonl": corpus + corpus, "queries.jsonl": queries, "qrels/test.tsv": `${header}q1\td1\t1\n` }, /duplicate/],
    ["no judgements", { "corpus.jsonl": corpus, "queries.jsonl": queries, "qrels/test.tsv": header }, /no judgements/],
  ])("refuses %s", (_, files, message) => {
    expect(() => loadBeir(dataset(files))).toThrow(message);
  });

  it("loads a well-formed one", () => {
    const data = loadBeir(dataset({ "corpus.jsonl": corpus, "queries.jsonl": queries, "qrels/test.tsv": `${header}q1\td1\t1\n` }));
    expect(data.qrels.get("q1")).toEqual(new Map([["d1", 1]]));
  });
});
