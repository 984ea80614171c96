import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh temporary folder holding these files (relative path -> content); returns its path. */
export function writeTempFiles(prefix: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
