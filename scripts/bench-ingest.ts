/**
 * `npm run bench:ingest [-- --runs N]`: ingestion throughput on the 18F handbook, the parser
 * samples and the PDFs of the project's answer sets (evals/pdf-tables, evals/benefit-plans). Prints medians over N runs (default 5 for extraction and chunking, 3 end to end), the
 * chunks made with their token counts, and peak memory.
 * Pages: a PDF's real pages; other formats count one page per 3,000 characters of extracted
 * text (about 500 words, a printed page), so formats are comparable.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase } from "@/db/client";
import { startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { createUser } from "@/db/queries/users";
import { useDatabase } from "@/lib/db";
import { collectFiles, importFiles, type ImportFile } from "@/lib/ingest/bulk-import";
import { chunkDocument } from "@/lib/ingest/chunker";
import { documentText, type ParsedDocument } from "@/lib/ingest/document-model";
import { detectMime, parseDocument } from "@/lib/ingest/parsers";
import { stopJobQueue } from "@/lib/jobs/queue";
import { countTokens } from "@/lib/text/tokens";

const CHARS_PER_PAGE = 3000;
const { values } = parseArgs({ options: { runs: { type: "string" } } });
const runs = Number(values.runs ?? 0);
const data = path.resolve("../shared/data");
const corpora: [string, string[]][] = [
  ["18F handbook", [path.join(data, "18f-handbook")]],
  ["parser samples", [path.join(data, "parser-samples")]],
  // PDFs with tables, running headers and footers: the project's own answer sets.
  ["PDF sets", [path.resolve("evals/pdf-tables/documents"), path.resolve("evals/benefit-plans/documents")]],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function extraction(files: ImportFile[]) {
  let pages = 0;
  const docs: ParsedDocument[] = [];
  const started = performance.now();
  for (const file of files) {
    const bytes = new Uint8Array(await fs.readFile(file.path));
    const mime = detectMime(bytes, file.name);
    if (!mime) continue;
    try {
      const doc = await parseDocument({ bytes, filename: file.name, mime });
      docs.push(doc);
      pages += doc.pageCount ?? Math.max(1, Math.ceil(documentText(doc.blocks).length / CHARS_PER_PAGE));
    } catch {
      // unparseable files (encrypted, empty) count no pages
    }
  }
  return { pages, docs, seconds: (performance.now() - started) / 1000 };
}

/** The chunker alone over the parsed documents: its time, and the chunks it makes with their real token counts. */
function chunking(docs: ParsedDocument[]) {
  const started = performance.now();
  const chunks = docs.flatMap((doc) => chunkDocument(doc));
  const ms = performance.now() - started;
  const tokens = chunks.map((c) => countTokens(c.text)).sort((a, b) => a - b);
  return { ms, chunks: chunks.length, median: median(tokens), max: tokens.at(-1) ?? 0 };
}

async function endToEnd(files: ImportFile[]) {
  const server = await startEmbeddedServer(null);
  const { db, pool } = createDatabase(server.url);
  await migrateDatabase(db);
  const app = useDatabase(server.url);
  const admin = await createUser(db, { email: "bench@example.com", name: "bench", passwordHash: "x" });
  const started = performance.now();
  await importFiles(files, { uploadedBy: admin!.id });
  const seconds = (performance.now() - started) / 1000;
  // The import started this process's job queue on the server; stopped first, it does not log the server's going away.
  await stopJobQueue();
  await Promise.all([pool.end(), app.pool.end()]);
  await server.stop();
  return seconds;
}

for (const [name, paths] of corpora) {
  const files = await collectFiles(paths);
  peakRss = 0;
  const extract: Awaited<ReturnType<typeof extraction>>[] = [];
  for (let i = 0; i < (runs || 5); i++) extract.push(await extraction(files));
  const pages = extract[0]!.pages;
  const extractPeak = peakRss;
  const chunked = Array.from({ length: runs || 5 }, () => chunking(extract[0]!.docs));
  peakRss = 0;
  const e2e = [];
  for (let i = 0; i < (runs || 3); i++) e2e.push(await endToEnd(files));
  console.log(`${name}: ${files.length} files, ${pages} pages`);
  console.log(`  extraction only: ${(pages / median(extract.map((r) => r.seconds))).toFixed(0)} pages/s (median of ${extract.length}; one core), peak RSS ${(extractPeak / 2 ** 20).toFixed(0)} MB`);
  const { chunks, median: tokens, max } = chunked[0]!;
  console.log(`  chunking only: ${chunks} chunks (o200k tokens per chunk: median ${tokens}, max ${max}) in ${median(chunked.map((c) => c.ms)).toFixed(0)} ms (median of ${chunked.length})`);
  console.log(`  end to end (parse in isolated thread, chunk, embed, store in PGlite): ${(pages / median(e2e)).toFixed(1)} pages/s (median of ${e2e.length}), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
}
clearInterval(sampler);
process.exit(0);
