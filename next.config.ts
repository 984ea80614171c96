import type { NextConfig } from "next";
import { env } from "./lib/env";
import { uploadRequestMaxBytes } from "./lib/ingest/upload-limit";

const nextConfig: NextConfig = {
  // Native and WASM packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "unpdf", "mammoth", "@opentelemetry/sdk-node"],
  poweredByHeader: false,
  // `npm run build` ships .next/standalone: the server with only the files it needs, which
  // `npm start` and the container run (scripts/build-server.ts completes it).
  output: "standalone",
  // Files the server reads at run time from its working directory, which tracing cannot see:
  // the migrations (readiness compares them with the database) and the sample policies.
  outputFileTracingIncludes: { "/**": ["./drizzle/**/*", "./lib/samples/policies/**/*"] },
  // The answer sets are read where ANSWER_SETS_DIR points (the launcher makes it absolute), not
  // shipped in the build: tracing otherwise copies every questions.jsonl it can match.
  outputFileTracingExcludes: { "/**": ["./evals/**/*", "./e2e/**/*"] },
  experimental: {
    // With a proxy (proxy.ts), Next buffers request bodies and silently cuts them at 10 MB by
    // default, so larger uploads arrived without their file. Room for the largest allowed upload.
    proxyClientMaxBodySize: uploadRequestMaxBytes(env().UPLOAD_MAX_BYTES),
  },
};

export default nextConfig;
