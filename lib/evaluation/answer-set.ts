import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * An answer-evaluation set (format: ../shared/data/answer-eval/README.md): documents, optionally
 * per reader group, and questions with history, groups, answerability, reference answers and
 * supporting files and pages. A set kept in the project whose documents live elsewhere says so in
 * `set.json`: {"documents": "<folder relative to the set>", "readers": "everyone" | "by-folder"}.
 */
export interface AnswerSet {
  name: string;
  documentsDir: string;
  /** Every document, by its path relative to documentsDir (with "/"), and who may read it. */
  files: { path: string; groups: string[] }[];
  questions: AnswerQuestion[];
}

const setConfigSchema = z.strictObject({
  documents: z.string().min(1).default("documents"),
  readers: z.enum(["everyone", "by-folder"]).default("by-folder"),
});

const turn = z.strictObject({ role: z.enum(["user", "assistant"]), text: z.string().trim().min(1) });

const questionSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    question: z.string().trim().min(1),
    history: z
      .array(turn)
      .default([])
      .refine((h) => h.every((t, i) => t.role === (i % 2 === 0 ? "user" : "assistant")) && h.length % 2 === 0, "history must alternate user and assistant turns, starting with user and ending with assistant"),
    groups: z.array(z.string().trim().min(1)).default([]),
    answerable: z.boolean().optional(),
    partial: z.boolean().optional(),
    answers: z.array(z.string().trim().min(1)).default([]),
    citations: z.array(z.strictObject({ file: z.string().min(1), page: z.number().int().positive().optional() })).default([]),
    behaviour: z
      .string()
      .regex(/^(answer|(refuse|escalate):[a-z][a-z0-9-]*)$/, 'behaviour must be "answer", "refuse:<topic id>" or "escalate:<topic id>"')
      .optional(),
  })
  .refine((q) => q.answerable !== undefined || (q.behaviour !== undefined && q.behaviour !== "answer"), {
    message: "answerable is required unless behaviour is refuse:… or escalate:…",
    path: ["answerable"],
  });

export type AnswerQuestion = z.infer<typeof questionSchema>;

/** Reads and checks a set; throws an Error naming the file and line at fault. */
export function loadAnswerSet(folder: string): AnswerSet {
  const setFile = path.join(folder, "set.json");
  let config: z.infer<typeof setConfigSchema>;
  try {
    config = setConfigSchema.parse(fs.existsSync(setFile) ? JSON.parse(fs.readFileSync(setFile, "utf8")) : {});
  } catch (err) {
    throw new Error(`${setFile}: ${describe(err)}`, { cause: err });
  }
  const documentsDir = path.resolve(folder, config.documents);
  if (!fs.statSync(documentsDir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${documentsDir} is not a folder of documents`);
  const files = listFiles(documentsDir).map((file) => {
    const segments = file.split("/");
    return { path: file, groups: config.readers === "by-folder" && segments.length > 1 ? [segments[0]!] : [] };
  });
  const known = new Set(files.map((f) => f.path));

  const questionsFile = path.join(folder, "questions.jsonl");
  if (!fs.existsSync(questionsFile)) throw new Error(`${questionsFile} is missing`);
  const questions: AnswerQuestion[] = [];
  const ids = new Set<string>();
  fs.readFileSync(questionsFile, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      const at = `${questionsFile}:${i + 1}`;
      let q: AnswerQuestion;
      try {
        q = questionSchema.parse(JSON.parse(line));
      } catch (err) {
        throw new Error(`${at}: ${describe(err)}`, { cause: err });
      }
      if (ids.has(q.id)) throw new Error(`${at}: duplicate id ${q.id}`);
      const unknown = q.citations.find((c) => !known.has(c.file));
      if (unknown) throw new Error(`${at}: cites ${unknown.file}, which is not in ${documentsDir}`);
      ids.add(q.id);
      questions.push(q);
    });
  if (questions.length === 0) throw new Error(`${questionsFile} has no questions`);
  return { name: path.basename(path.resolve(folder)), documentsDir, files, questions };
}

function listFiles(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(dir, rel) : e.isFile() ? [rel] : [];
    });
}

function describe(err: unknown): string {
  if (err instanceof z.ZodError) return err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  return err instanceof SyntaxError ? `not valid JSON (${err.message})` : err instanceof Error ? err.message : String(err);
}
