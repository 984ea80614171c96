import { describe, expect, it } from "vitest";
import { createBuiltinModel } from "./builtin-model";
import { paceFromSetting, READABLE_PACE, UNPACED, wordDueAt } from "./builtin-pace";
import { buildSystemPrompt, type PromptSource } from "./prompt";

/** Many sentences on one subject, so the answer to a question on it is long. */
const LONG: PromptSource = {
  n: 1,
  title: "Parental Leave Policy",
  headingPath: ["Parental leave"],
  page: null,
  text: [
    "Parental leave is granted to every employee who becomes a parent by birth, adoption or foster care, whatever their length of service.",
    "Parental leave lasts up to sixteen weeks at full pay, followed by up to ten further weeks of parental leave at half pay if the employee asks for them.",
    "Parental leave may be taken in one block or in up to four separate blocks of parental leave within the first two years after the child arrives.",
    "Parental leave must be requested from your manager at least eight weeks before the first day of parental leave, through the leave form in the HR portal.",
    "Parental leave does not reduce annual leave, which keeps accruing during parental leave at the usual rate for your contract.",
    "Parental leave can be shared between two parents who both work for the company, as long as the total parental leave does not exceed thirty weeks.",
    "Parental leave ends early if the employee returns to work, and unused parental leave may then be taken later within the same two years.",
    "Parental leave pay is paid through the normal monthly payroll, and pension contributions continue throughout paid parental leave.",
  ].join(" "),
};

/** Reads the model's stream as the chat route does, noting when each word arrives after the call (which composes the answer). */
async function timeWords(pace = READABLE_PACE) {
  const model = createBuiltinModel({ pace });
  const prompt = [
    { role: "system" as const, content: buildSystemPrompt([LONG]) },
    { role: "user" as const, content: [{ type: "text" as const, text: "What are the rules for parental leave?" }] },
  ];
  const started = performance.now();
  const { stream } = await model.doStream({ prompt });
  const at: number[] = [];
  for await (const part of stream) if (part.type === "text-delta") at.push(performance.now() - started);
  return at;
}

describe("the built-in model's pace", () => {
  it("spreads a long answer's words over about a second, the first at once", async () => {
    // The first answer in a process pays for loading and training the behaviour classifier, as the
    // first question after a server starts does; the pace is measured on the next.
    await timeWords(UNPACED);
    const at = await timeWords();
    expect(at.length).toBeGreaterThan(60); // long enough that the per-word pause must shrink
    const [first, last] = [at[0]!, at.at(-1)!];
    console.log(`${at.length} words: first after ${first.toFixed(1)} ms, last after ${last.toFixed(0)} ms`);
    expect(first).toBeLessThan(100);
    expect(last).toBeGreaterThan(800); // paced, not sent in one piece
    expect(last).toBeLessThan(1200);
    // Words keep arriving in between: every tenth of the second has some.
    for (let tenth = 0; tenth < 8; tenth++) expect(at.some((t) => t >= tenth * 100 && t < (tenth + 1) * 100), `${tenth * 100} ms`).toBe(true);
  });

  it("sends a short answer at a readable pace, not faster", () => {
    // 10 words: 40 ms apart, done in 360 ms; 101 words: 10 ms apart, done in a second.
    expect(wordDueAt(READABLE_PACE, 10, 9)).toBe(360);
    expect(wordDueAt(READABLE_PACE, 101, 100)).toBe(1000);
    expect(wordDueAt(READABLE_PACE, 1, 0)).toBe(0);
  });

  it("is set by BUILTIN_MODEL_DELAY_MS: unset the readable pace, a number that pause after every word, 0 none", async () => {
    expect(paceFromSetting(undefined)).toEqual(READABLE_PACE);
    expect(wordDueAt(paceFromSetting(25), 200, 100)).toBe(2500);
    expect(wordDueAt(paceFromSetting(0), 200, 199)).toBe(0);
    const at = await timeWords(UNPACED);
    expect(at.at(-1)).toBeLessThan(100);
  });
});
