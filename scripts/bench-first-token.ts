/**
 * `npm run bench:first-token [-- --runs N]`: how soon an answer starts, through the product's own
 * chat path (retrieval, prompt, model, stream) on the sample policies in a fresh embedded database,
 * asked by an employee.
 * Prints medians over N runs (default 9) of the time to the sources part, to the first answer
 * token and to the end of the stream, and the first token's share of the whole answer time.
 * The built-in model streams without pauses here, so the figures measure our own path.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createDatabase } from "@/db/client";
import { startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { createUser } from "@/db/queries/users";
import { answer } from "@/lib/chat/answer";
import { useDatabase } from "@/lib/db";
import { processNextJob } from "@/lib/ingest/worker";
import { stopJobQueue } from "@/lib/jobs/queue";
import { loadSamplePolicies } from "@/lib/samples/load";

const { values } = parseArgs({ options: { runs: { type: "string" } } });
const runs = Number(values.runs ?? 9);
const QUESTIONS = [
  "How much can I claim for client meals?",
  "How many days of annual leave do I get?",
  "Which hotels can I book when travelling?",
  "How often must I change my password?",
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startEmbeddedServer(null);
const { db, pool } = createDatabase(server.url);
await migrateDatabase(db);
const app = useDatabase(server.url);
// The first user is the administrator, who loads the samples; an employee asks, as in the product.
const admin = await createUser(db, { email: "admin@example.com", name: "admin", passwordHash: "x" });
const user = await createUser(db, { email: "bench@example.com", name: "bench", passwordHash: "x" });
if (!admin || !user || user.role !== "employee") throw new Error("could not create the benchmark users");
await loadSamplePolicies(admin.id);
while (await processNextJob()) {
  // index the samples
}
const asker = { id: user.id, email: user.email, name: user.name, role: user.role };

const sources: number[] = [];
const firstToken: number[] = [];
const total: number[] = [];
// One warm-up round, not counted: the first query pays for loading code and filling caches.
for (let run = -1; run < runs; run++) {
  for (const question of QUESTIONS) {
    const started = performance.now();
    const stream = await answer({ user: asker, conversationId: randomUUID(), message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: question }] }, unpaced: true });
    const reader = stream.getReader();
    let sourcesAt = 0;
    let firstAt = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.type === "data-sources" && !sourcesAt) sourcesAt = performance.now() - started;
      if (value.type === "text-delta" && !firstAt) firstAt = performance.now() - started;
    }
    if (run < 0) continue;
    sources.push(sourcesAt);
    firstToken.push(firstAt);
    total.push(performance.now() - started);
  }
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`first token over ${runs} runs x ${QUESTIONS.length} questions (medians):`);
console.log(`  sources part:  ${ms(median(sources))}`);
console.log(`  first token:   ${ms(median(firstToken))}`);
console.log(`  whole answer:  ${ms(median(total))}`);
console.log(`  first token / whole answer: ${(median(firstToken.map((f, i) => f / total[i]!)) * 100).toFixed(0)}%`);
// Loading the samples opened the job queue in this process; it polls until stopped.
await stopJobQueue();
await Promise.all([pool.end(), app.pool.end()]);
await server.stop();
