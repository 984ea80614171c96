import fs from "node:fs/promises";
import path from "node:path";
import { versionStatuses } from "@/db/queries/documents";
import { db } from "../db";
import { AppError } from "../errors";
import type { UploadSource } from "@/db/queries/documents";
import { acceptUpload } from "./upload";
import { ABANDONED_REASON, processNextJob } from "./worker";

export interface ImportProgress {
  total: number;
  done: number;
}

export interface ImportSummary {
  indexed: string[];
  unchanged: string[];
  skipped: { file: string; reason: string }[];
  failed: { file: string; reason: string }[];
}

export interface ImportFile {
  path: string;
  /** The document's name: the path below the folder given, or the file's own name. */
  name: string;
}

/** Every file under the given paths, folders walked recursively, hidden files left out. */
export async function collectFiles(paths: string[]): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  async function walk(p: string, root: string | null) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) throw new AppError("bad_request", `${p} does not exist.`);
    if (stat.isDirectory()) {
      for (const entry of (await fs.readdir(p)).sort()) if (!entry.startsWith(".")) await walk(path.join(p, entry), root ?? p);
    } else if (stat.isFile()) {
      files.push({ path: p, name: root ? path.relative(root, p) : path.basename(p) });
    }
  }
  for (const p of paths) await walk(p, null);
  return files;
}

/**
 * Uploads files as `uploadedBy` and indexes them, working the queue alongside any running
 * workers (SKIP LOCKED shares it), until every queued version is ready or failed.
 */
export async function importFiles(
  files: ImportFile[],
  options: { uploadedBy: string; groups?: string[]; via?: UploadSource; onProgress?: (p: ImportProgress) => void },
): Promise<ImportSummary> {
  const summary: ImportSummary = { indexed: [], unchanged: [], skipped: [], failed: [] };
  const queued = new Map<string, string>(); // version id -> file
  const unchanged = new Map<string, string>();
  const upload = async (file: string, name: string) =>
    acceptUpload({ filename: name, bytes: new Uint8Array(await fs.readFile(file)), uploadedBy: options.uploadedBy, groups: options.groups, via: options.via ?? "cli" });
  for (const { path: file, name } of files) {
    try {
      const result = await upload(file, name);
      if (result.outcome === "unchanged") unchanged.set(result.versionId, file);
      else queued.set(result.versionId, file);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const list = err.code === "unsupported_media_type" ? summary.skipped : summary.failed;
      list.push({ file, reason: err.message });
    }
  }

  // The same bytes as a version not indexed yet (an import killed mid-way, a worker that is down)
  // are not "unchanged": this import waits for them, and works them if nobody else does.
  const final = new Set((await versionStatuses(db(), [...unchanged.keys()])).filter((v) => v.status === "ready" || v.status === "failed").map((v) => v.id));
  for (const [versionId, file] of unchanged) {
    if (final.has(versionId)) summary.unchanged.push(file);
    else queued.set(versionId, file);
  }

  const pending = new Set(queued.keys());
  const names = new Map(files.map((f) => [f.path, f.name]));
  const uploadedAgain = new Set<string>();
  while (pending.size > 0) {
    const worked = await processNextJob();
    for (const v of await versionStatuses(db(), [...pending])) {
      if (v.status !== "ready" && v.status !== "failed") continue;
      pending.delete(v.id);
      const file = queued.get(v.id)!;
      if (v.status === "ready") summary.indexed.push(file);
      else if (v.error === ABANDONED_REASON && !uploadedAgain.has(file)) {
        // Every process that took this file's job died (an earlier import killed mid-way, more than
        // once), yet this one is alive and working the queue: it follows the failure's own advice
        // once, a fresh upload, rather than report a file that may index fine. A file that really
        // kills its worker kills this import too.
        uploadedAgain.add(file);
        const again = await upload(file, names.get(file)!).catch(() => null);
        if (again) {
          queued.set(again.versionId, file);
          pending.add(again.versionId);
        } else summary.failed.push({ file, reason: ABANDONED_REASON });
      } else summary.failed.push({ file, reason: v.error ?? "failed" });
    }
    options.onProgress?.({ total: queued.size, done: queued.size - pending.size });
    if (!worked && pending.size > 0) await new Promise((r) => setTimeout(r, 250)); // another worker has them
  }
  return summary;
}
