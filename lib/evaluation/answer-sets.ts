import fs from "node:fs";
import path from "node:path";
import { env } from "../env";
import { loadAnswerSet, type AnswerSet } from "./answer-set";

/** A set found on the server: loaded, or the error that names the file and line at fault. */
export type FoundAnswerSet = { name: string; set: AnswerSet; error?: undefined } | { name: string; set?: undefined; error: string };

/** The folder of answer sets admins can run (ANSWER_SETS_DIR, relative to the working directory). */
export const answerSetsDir = () => path.resolve(env().ANSWER_SETS_DIR);

/** Every subfolder of the sets folder, checked: a malformed set is listed with its error, not thrown. */
export function findAnswerSets(dir = answerSetsDir()): FoundAnswerSet[] {
  const entries = fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? fs.readdirSync(dir, { withFileTypes: true }) : [];
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => loadFound(dir, name));
}

/** One set by its folder name; names come from a form, so only a direct subfolder is accepted. */
export function findAnswerSet(name: string, dir = answerSetsDir()): FoundAnswerSet | null {
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) return null;
  return fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.isDirectory() ? loadFound(dir, name) : null;
}

function loadFound(dir: string, name: string): FoundAnswerSet {
  try {
    return { name, set: loadAnswerSet(path.join(dir, name)) };
  } catch (err) {
    // Paths relative to the sets folder: where the server keeps it is not the page's business.
    return { name, error: (err instanceof Error ? err.message : String(err)).replaceAll(`${dir}${path.sep}`, "") };
  }
}
