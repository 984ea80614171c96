/**
 * `npm run ingest -- <files or folders> [--group NAME]...`: bulk import with a progress bar and a
 * summary. Uses DATABASE_URL, else the running app's embedded database, else opens the embedded
 * database itself (when the app is not running).
 */
import { parseArgs } from "node:util";
import { findFirstAdmin } from "@/db/queries/users";
import { runCli } from "@/lib/cli-database";
import { collectFiles, importFiles, type ImportProgress } from "@/lib/ingest/bulk-import";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { group: { type: "string", multiple: true } } });
if (positionals.length === 0) {
  console.error("usage: npm run ingest -- <files or folders> [--group NAME]...");
  process.exit(2);
}

await runCli(async (db) => {
  const admin = await findFirstAdmin(db);
  if (!admin) throw new Error("There is no administrator yet: start the app, register the first account, then import.");
  const files = await collectFiles(positionals);
  console.log(`Importing ${files.length} files${values.group ? ` for groups ${values.group.join(", ")}` : ""}…`);
  const summary = await importFiles(files, { uploadedBy: admin.id, groups: values.group, via: "cli", onProgress: progressBar() });
  process.stderr.write("\n");
  console.log(`indexed ${summary.indexed.length}, unchanged ${summary.unchanged.length}, skipped ${summary.skipped.length}, failed ${summary.failed.length}`);
  for (const { file, reason } of summary.skipped) console.log(`  skipped ${file}: ${reason}`);
  for (const { file, reason } of summary.failed) console.log(`  failed  ${file}: ${reason}`);
  return summary.failed.length > 0 ? 1 : 0;
});

function progressBar() {
  let last = 0;
  return ({ total, done }: ImportProgress) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} indexed`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else if (done === total || done % 25 === 0) process.stderr.write(`${line}\n`);
  };
}
