import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOUR_SPEC } from "../spec";
import { behaviourOf, specClassifier } from "./topic-of";

const spec = DEFAULT_BEHAVIOUR_SPEC;
const decide = (question: string) => {
  const b = behaviourOf(question, spec, specClassifier(spec));
  return b.refuse ? `refuse:${b.refuse.id}` : b.escalate ? `escalate:${b.escalate.id}` : "answer";
};

describe("behaviourOf with the default spec", () => {
  it("answers ordinary questions asked in the first person, which the classifier alone put into topics", () => {
    for (const question of [
      "Do you keep my information after I close my account?",
      "Can I see the data you hold about me?",
      "How do I change my password?",
      "What does the travel policy say about my hotel budget?",
      "Who painted the Mona Lisa?",
      "Which fund should I put my savings in?",
    ]) {
      expect(decide(question), question).toBe("answer");
    }
  });

  it("still refuses and escalates what names its topic", () => {
    expect(decide("I want to file a grievance against my team lead.")).toBe("refuse:hr");
    expect(decide("A supplier offered me a bribe to renew the contract.")).toBe("escalate:compliance");
  });
});
