import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOUR_SPEC as spec } from "../spec";
import { declines, withholdsAnswer } from "./checks";

describe("replies that give the asker nothing", () => {
  const referral = spec.refuse[0]!.referral;

  it("counts the not-found reply as a decline, and a cited answer as neither", () => {
    expect(declines(spec.notFound, spec)).toBe(true);
    expect(withholdsAnswer(spec.notFound, spec)).toBe(true);
    expect(withholdsAnswer("Annual leave is 25 days [1].", spec)).toBe(false);
  });

  it("counts a refuse topic's referral as withholding the answer, though it is not a decline", () => {
    expect(declines(referral, spec)).toBe(false);
    expect(withholdsAnswer(referral, spec)).toBe(true);
    expect(withholdsAnswer(`  ${referral.toUpperCase()}  `, spec)).toBe(true);
  });

  it("does not count a reply that cites its sources, whatever else it says", () => {
    expect(withholdsAnswer(`Annual leave is 25 days [1].\n\n${referral}`, spec)).toBe(false);
    expect(withholdsAnswer(`${spec.notFound} The nearest rule: leave is booked in the portal [2].`, spec)).toBe(false);
  });

  it("does not take an escalation, which goes with an answer, for a refusal", () => {
    const escalation = spec.escalate[0]!;
    expect(withholdsAnswer(`${escalation.message} Contact: ${escalation.contact}`, spec)).toBe(false);
  });
});
