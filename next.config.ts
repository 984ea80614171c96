import type { NextConfig } from "next";
import { env } from "./lib/env";
import { uploadRequestMaxBytes } from "./lib/ingest/upload-limit";

const nextConfig: NextConfig = {
  // Native and WASM packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "unpdf", "mammoth"],
  poweredByHeader: false,
  experimental: {
    // With a proxy (proxy.ts), Next buffers request bodies and silently cuts them at 10 MB by
    // default, so larger uploads arrived without their file. Room for the largest allowed upload.
    proxyClientMaxBodySize: uploadRequestMaxBytes(env().UPLOAD_MAX_BYTES),
  },
};

export default nextConfig;
