import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOUR_SPEC, findTopic } from "../spec";
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

  it("refuses and escalates cases told without a keyword of their topic, which keywords alone missed", () => {
    expect(decide("My boss cut my hours the week after I asked for a raise, and now I can't make rent.")).toBe("refuse:hr");
    expect(decide("The contractor we just picked sent me a new laptop as a thank you for choosing them.")).toBe("escalate:compliance");
  });

  it("answers a policy question that holds a topic's keyword: a keyword alone decides nothing", () => {
    expect(findTopic("Does sick leave affect my pay?", spec.refuse)).toBeDefined();
    expect(decide("Does sick leave affect my pay?")).toBe("answer");
  });

  it("still refuses and escalates what names its topic", () => {
    expect(decide("I want to file a grievance against my team lead.")).toBe("refuse:hr");
    expect(decide("A supplier offered me a bribe to renew the contract.")).toBe("escalate:compliance");
  });
});
