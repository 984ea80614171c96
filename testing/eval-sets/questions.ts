/**
 * A line of an eval set's questions.jsonl as written (lib/evaluation/answer-set.ts reads the same
 * format, with defaults filled in), for the sets' check.ts scripts.
 */
import fs from "node:fs";

export interface Turn {
  role: "user" | "assistant";
  text: string;
}

export interface Citation {
  file: string;
  page?: number;
}

export interface Question {
  id: string;
  question: string;
  history?: Turn[];
  groups?: string[];
  answerable?: boolean;
  partial?: boolean;
  answers?: string[];
  citations?: Citation[];
  behaviour?: string;
}

/** The questions of a questions.jsonl, blank lines skipped; throws naming a line that is not JSON. */
export function readQuestions(file: string): Question[] {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  return lines.flatMap((l, i) => {
    if (!l.trim()) return [];
    try {
      return [JSON.parse(l) as Question];
    } catch {
      throw new Error(`${file} line ${i + 1} is not valid JSON`);
    }
  });
}
