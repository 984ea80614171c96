import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const written: string[] = [];

/**
 * Removes the folders written so far. Called after each test file by testing/vitest-setup.ts: the
 * files share this module (isolation is off), so a hook registered here on import would run after
 * the first file that imports it only, and later files' folders would be left in the temp folder.
 */
export function removeTempFiles() {
  for (const dir of written.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary folder holding these files (relative path -> content), removed after the test file; returns its path. */
export function writeTempFiles(prefix: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  written.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
