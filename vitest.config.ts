import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,app,scripts}/**/*.test.ts"],
    // Integration tests share one database per run; files run one at a time so that timings and
    // queue tests do not interfere, while tests inside a file stay fast.
    fileParallelism: false,
    // Files share one process and its modules: the code is imported and the database connection
    // opened once per run, not once per file (docs/commands.md, "The unit tests").
    // testing/vitest-setup.ts gives each file the environment the run started with.
    isolate: false,
    setupFiles: ["testing/vitest-setup.ts"],
    // V8's check of JIT pages under memory protection keys (on by default where the CPU has them,
    // as CI's EPYC does) can abort a process that creates and closes many PGlite WebAssembly
    // instances, as this shared one does: "Check failed: jit_page.has_value()" (nodejs/node#64500).
    execArgv: ["--no-memory-protection-keys"],
    testTimeout: 30_000,
    // Answers arrive whole, as before the built-in model was paced for people reading: a test that
    // needs the pace gives the model its own (lib/ai/builtin-model.test.ts).
    env: { BUILTIN_MODEL_DELAY_MS: "0" },
    hookTimeout: 60_000,
  },
});
