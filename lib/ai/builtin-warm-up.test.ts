import { describe, expect, it, vi } from "vitest";
import { hasSpecClassifier } from "../behaviour/classifier/topic-of";
import { DEFAULT_BEHAVIOUR_SPEC } from "../behaviour/spec";
import { currentSpec } from "../behaviour/spec-store";
import { warmBuiltinBehaviour, warmSpecClassifier } from "./builtin-warm-up";
import { buildSystemPrompt } from "./prompt";
import { resolveActiveModel } from "./registry";
import { parseSpecFromPrompt } from "./spec-prompt";

describe("warming the built-in model's behaviour classifier", () => {
  it("trains the classifier a question's prompt looks up, whatever its sources and standalone question", () => {
    const spec = { ...DEFAULT_BEHAVIOUR_SPEC, refuse: [{ ...DEFAULT_BEHAVIOUR_SPEC.refuse[0]!, examples: ["My manager shouted at me in a meeting."] }] };
    const source = { n: 1, title: "Leave policy", headingPath: ["Annual leave"], page: 3, text: "Employees get 25 days of annual leave." };
    const asAnswered = parseSpecFromPrompt(buildSystemPrompt([source], spec, "annual leave days contractors"))!;
    expect(hasSpecClassifier(asAnswered)).toBe(false);
    warmSpecClassifier(spec);
    expect(hasSpecClassifier(asAnswered)).toBe(true);
  });

  it("trains the classifier another copy of the module finds, as the chat route's bundle has its own copy of the warm-up's", async () => {
    const spec = { ...DEFAULT_BEHAVIOUR_SPEC, notFound: "Nothing on that in the documents, copied." };
    const asAnswered = parseSpecFromPrompt(buildSystemPrompt([], spec))!;
    warmSpecClassifier(spec);
    // A fresh module registry: the next import evaluates topic-of.ts again, as a second bundle would.
    vi.resetModules();
    const copy = await import("../behaviour/classifier/topic-of");
    expect(copy.hasSpecClassifier).not.toBe(hasSpecClassifier);
    expect(copy.hasSpecClassifier(asAnswered)).toBe(true);
  });

  it("warms for the spec in force only when the un-tuned built-in model is active", async () => {
    // Other test files promote and roll back models in the shared test database: read what is active.
    const active = await resolveActiveModel();
    expect(await warmBuiltinBehaviour()).toBe(active.provider === "builtin" && !active.fineTuneJobId);
    const { spec } = await currentSpec();
    if (active.provider === "builtin" && !active.fineTuneJobId) expect(hasSpecClassifier(parseSpecFromPrompt(buildSystemPrompt([], spec))!)).toBe(true);
  });
});
