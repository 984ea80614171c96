import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const written: string[] = [];
// Imported while a test file is collected, so this runs when that file's tests are done.
afterAll(() => {
  for (const dir of written.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

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
