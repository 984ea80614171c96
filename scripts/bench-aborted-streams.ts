/**
 * `npm run bench:aborted-streams -- [--streams 20] [--pace 25]`: dropped answers cost nothing.
 *
 * Runs the production build (`npm run build` first) as `npm start` runs it, on a fresh embedded
 * database holding the sample policies, signs one employee in over HTTP and asks `--streams`
 * questions through /api/chat, two in flight at all times (the per-employee limit of concurrent
 * answers): one chain reads each answer to the end; the other drops each answer right after its
 * first words and asks its next question at once. The built-in model streams a word every
 * `--pace` ms, like a hosted model, so a drop lands mid-answer. It then reports:
 *   - whether every question was admitted: a dropped answer whose slot were not given back at once
 *     would turn the next question away (429), the other chain's answer still holding a slot;
 *   - the server's health afterwards: /api/ready, and a question answered in full;
 *   - the slots still held once the answers ended (must be 0);
 *   - what was stored for each kind of turn: complete, or the partial answer marked stopped.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { runningEmbeddedServer, startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { listMessages } from "@/db/queries/conversations";
import { createUser } from "@/db/queries/users";
import { liveStreamSlots } from "@/db/queries/rate-limits";
import { hashPassword } from "@/lib/auth/password";
import { useDatabase } from "@/lib/db";
import { processNextJob } from "@/lib/ingest/worker";
import { stopJobQueue } from "@/lib/jobs/queue";
import { loadSamplePolicies } from "@/lib/samples/load";
import { askOverHttp, signIn, waitUntilReady, wordsOf } from "@/testing/app-over-http";
import { stopProcess } from "@/testing/processes";

const { values } = parseArgs({ options: { streams: { type: "string", default: "20" }, pace: { type: "string", default: "25" } } });
const streams = Number(values.streams);
const PORT = 3400 + Math.floor(Math.random() * 500);
const origin = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench@example.com";
const PASSWORD = "bench-password-not-for-production";
const QUESTIONS = [
  "How many days of annual leave do I get?",
  "How much can I claim for client meals?",
  "Which hotels can I book when travelling?",
  "How often must I change my password?",
  "What is the expense claim deadline?",
];

if (!fs.existsSync("dist/start.mjs")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-aborted-"));
const dataDir = path.join(work, "data");

// 1. A database with the sample policies indexed and one employee, prepared before the app starts.
{
  const server = await startEmbeddedServer(dataDir);
  const { db, pool } = useDatabase(server.url);
  await migrateDatabase(db);
  // The first user is the administrator, who loads the samples; the employee asks.
  const admin = await createUser(db, { email: "admin@example.com", name: "Admin", passwordHash: await hashPassword(PASSWORD) });
  const user = await createUser(db, { email: EMAIL, name: "Bench", passwordHash: await hashPassword(PASSWORD) });
  if (!admin || !user || user.role !== "employee") throw new Error("could not create the benchmark users");
  await loadSamplePolicies(admin.id);
  while (await processNextJob()) {
    // index the samples
  }
  await stopJobQueue();
  await pool.end();
  await server.stop();
}

// 2. The app, started as `npm start` starts it.
const launcher = spawn(process.execPath, ["dist/start.mjs"], {
  env: {
    ...process.env, PORT: String(PORT), PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "bench-secret-not-for-production",
    BUILTIN_MODEL_DELAY_MS: values.pace, CHAT_MAX_PER_MINUTE: "1000", LOG_LEVEL: "error",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  await waitUntilReady(origin, launcher);
  const cookie = await signIn(origin, EMAIL, PASSWORD);
  const ask = async (question: string, dropped: boolean) => ({ ...(await askOverHttp(origin, cookie, question, { dropAfterWords: dropped ? 3 : undefined })), dropped });

  // 3. Two questions in flight at all times (the per-employee limit): one chain reads each answer
  // to the end, the other drops each answer after its first words and asks the next at once.
  const chain = async (drop: boolean, offset: number) => {
    const asked: Awaited<ReturnType<typeof ask>>[] = [];
    for (let i = 0; i < streams / 2; i++) asked.push(await ask(QUESTIONS[(i + offset) % QUESTIONS.length]!, drop));
    return asked;
  };
  const turns = (await Promise.all([chain(false, 0), chain(true, 2)])).flat();
  const afterwards = await ask("How many days of annual leave do I get?", false);
  const ready = (await fetch(`${origin}/api/ready`)).status;

  // 4. What the database holds once every answer has ended on the server.
  const { db, pool } = useDatabase(runningEmbeddedServer(dataDir)!);
  const stored = new Map<string, { stopped: boolean; words: number } | null>();
  for (let attempt = 0; attempt < 100 && stored.size < turns.length; attempt++) {
    for (const turn of turns) {
      if (stored.has(turn.conversationId)) continue;
      const reply = (await listMessages(db, turn.conversationId)).find((m) => m.role === "assistant");
      if (reply) stored.set(turn.conversationId, { stopped: reply.metadata?.stopped === true, words: wordsOf(textOf(reply.parts)) });
    }
    if (stored.size < turns.length) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const slots = await liveStreamSlots(db);
  await pool.end();

  const report = (dropped: boolean) => {
    const kind = turns.filter((t) => t.dropped === dropped);
    const admitted = kind.filter((t) => t.status === 200);
    const rows = admitted.map((t) => stored.get(t.conversationId));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return {
      asked: kind.length,
      admitted: admitted.length,
      turnedAway: kind.filter((t) => t.status === 429).length,
      received: median(admitted.map((t) => t.wordsReceived)),
      storedComplete: rows.filter((r) => r && !r.stopped).length,
      storedStopped: rows.filter((r) => r?.stopped).length,
      storedWords: median(rows.map((r) => r?.words ?? 0)),
      notStored: rows.filter((r) => !r).length,
    };
  };
  console.log(`${streams} streams over HTTP, two in flight, a word every ${values.pace} ms; half dropped after their first words, the next asked at once`);
  console.log("| | asked | admitted | turned away (429) | words received (median) | stored complete | stored as stopped | words stored (median) | not stored |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const [label, dropped] of [["read to the end", false], ["dropped", true]] as const) {
    const r = report(dropped);
    console.log(`| ${label} | ${r.asked} | ${r.admitted} | ${r.turnedAway} | ${r.received} | ${r.storedComplete} | ${r.storedStopped} | ${r.storedWords} | ${r.notStored} |`);
  }
  console.log(`afterwards: /api/ready ${ready}; a new question ${afterwards.status === 200 && afterwards.wordsReceived > 0 ? "answered in full" : `failed (${afterwards.status})`}; stream slots still held ${slots}`);
} finally {
  await stopProcess(launcher);
  fs.rmSync(work, { recursive: true, force: true });
}

function textOf(parts: unknown[]) {
  return parts.map((p) => ((p as { type?: string; text?: string }).type === "text" ? (p as { text: string }).text : "")).join("");
}
