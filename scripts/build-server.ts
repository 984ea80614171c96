/**
 * The second half of `npm run build`, after `next build`:
 * - completes Next's standalone server (.next/standalone), which leaves public/ and the static
 *   files to be copied (Next's docs: output);
 * - compiles the launcher, the worker, the parse thread and the answers evaluation's child process
 *   to plain JavaScript in dist/, so that production runs no TypeScript compiler (tsx and its esbuild service in every process cost
 *   memory; docs/operations.md has the figures). Packages are bundled too: a process that imports
 *   drizzle-orm and the AI SDK from node_modules holds ~300 MB, the same code bundled ~120 MB (V8
 *   keeps the heap that loading hundreds of module files grew). Left as imports are the packages
 *   that find their own files at run time (WebAssembly, native addons, worker scripts).
 */
import fs from "node:fs";
import { build } from "esbuild";

const standalone = ".next/standalone";
if (!fs.existsSync(`${standalone}/server.js`)) {
  console.error(`${standalone}/server.js is missing: run \`next build\` first (npm run build does both).`);
  process.exit(1);
}
fs.cpSync("public", `${standalone}/public`, { recursive: true });
fs.rmSync(`${standalone}/.next/static`, { recursive: true, force: true });
fs.cpSync(".next/static", `${standalone}/.next/static`, { recursive: true });

fs.rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: {
    start: "scripts/start.ts",
    worker: "scripts/worker.ts",
    "parse-thread": "lib/ingest/parse-thread.ts",
    // The process a worker runs an answers evaluation in (lib/evaluation/answer-eval-job.ts).
    "answer-eval-child": "lib/evaluation/answer-eval-child.ts",
  },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  external: ["@electric-sql/*", "@node-rs/*", "pg-native", "unpdf", "mammoth", "pino", "thread-stream"],
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  platform: "node",
  format: "esm",
  target: "node22",
  logLevel: "warning",
});
// The supervisor preloads this into every child by path (lib/process/supervisor.ts).
fs.copyFileSync("lib/process/watch-parent.mjs", "dist/watch-parent.mjs");
console.log(`Production build complete: ${standalone} (web server) and dist/ (launcher, worker).`);
