import { describe, expect, it } from "vitest";
import { documentReference } from "./document-reference";

const SOURCES = [
  { n: 1, title: "Northwind Medical Plan - Choice Plus PPO, Summary Plan Description 2027" },
  { n: 2, title: "Northwind Medical Plan - Select HMO, Summary Plan Description 2027" },
  { n: 3, title: "Benefits Enrolment FAQ" },
];

describe("documentReference", () => {
  it("finds the document a question says to look in, and its naming words", () => {
    const ref = documentReference("According to the Select HMO booklet, how many visits do I get?", SOURCES);
    expect(ref?.named).toEqual(new Set([2]));
    expect(ref?.terms).toEqual(new Set(["select", "hmo", "booklet"]));
    expect(documentReference("What is the deductible under the Choice Plus plan?", SOURCES)?.named).toEqual(new Set([1]));
    expect(documentReference("according to the HMO SPD how long is a stay covered", SOURCES)?.terms).toEqual(new Set(["hmo", "spd"]));
  });

  it("takes the phrase for part of the question when no title confirms it", () => {
    expect(documentReference("What changes in the later stages of the policy?", SOURCES)).toBeUndefined();
    expect(documentReference("What's the frame allowance on the vision plan?", SOURCES)).toBeUndefined();
    expect(documentReference("How many visits do I get?", SOURCES)).toBeUndefined();
  });
});
