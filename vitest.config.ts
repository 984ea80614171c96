import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,app,scripts}/**/*.test.ts"],
    // Integration tests share one database per run; files run one at a time so that timings and
    // queue tests do not interfere, while tests inside a file stay fast.
    fileParallelism: false,
    testTimeout: 30_000,
    // Answers arrive whole, as before the built-in model was paced for people reading: a test that
    // needs the pace gives the model its own (lib/ai/builtin-model.test.ts).
    env: { BUILTIN_MODEL_DELAY_MS: "0" },
    hookTimeout: 60_000,
  },
});
