/**
 * `npm start`: the production app on one machine. Builds once when there is no build, then runs
 * the compiled launcher in this process (no wrapper process). Plain JavaScript: it runs before any
 * build exists. After updating the code, `npm run build` again.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

if (!fs.existsSync("dist/start.mjs") || !fs.existsSync(".next/standalone/.next/static")) {
  console.log("No production build yet: building it once (npm run build).");
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(new URL("../dist/start.mjs", import.meta.url).href);
