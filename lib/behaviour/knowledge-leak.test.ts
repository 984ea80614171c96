import { describe, expect, it } from "vitest";
import { answerSentences, findKnowledgeLeaks } from "./knowledge-leak";

const travel = "Per Diem\nEmployees travelling abroad receive a per diem of 1,500 yen or 60 euros per day. Book flights through the travel portal.";

describe("knowledge-leak check", () => {
  it("passes an answer that only restates its sources, paraphrased and cited", () => {
    expect(findKnowledgeLeaks("When you travel abroad you receive a per diem of 60 euros per day [1]. Flights are booked through the travel portal [1].", [travel])).toEqual([]);
    expect(findKnowledgeLeaks("The daily allowance is 1500 yen [1].", [travel])).toEqual([]);
  });

  it("flags a sentence with an amount the sources do not give, and names the amount", () => {
    const findings = findKnowledgeLeaks("You receive a per diem [1]. The per diem is 80 euros per day [1].", [travel]);
    expect(findings).toEqual([{ sentence: "The per diem is 80 euros per day.", missing: ["80"] }]);
  });

  it("flags names and dates that appear in no source", () => {
    const findings = findKnowledgeLeaks("Book flights through Amex GBT [1]. The portal was introduced in March 2024.", [travel]);
    expect(findings.map((f) => f.missing)).toEqual([["Amex", "GBT"], ["2024", "March"]]);
  });

  it("flags a new claim in the model's own words, not a single changed word", () => {
    const findings = findKnowledgeLeaks("Remote staff also get a monthly internet stipend reimbursed quarterly.", [travel]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.missing).toEqual(expect.arrayContaining(["remote", "internet", "stipend"]));
    expect(findKnowledgeLeaks("Employees travelling overseas receive a per diem of 60 euros per day [1].", [travel])).toEqual([]);
  });

  it("accepts the spec's own texts (a referral with its contact) when they are among the allowed texts", () => {
    const referral = "This is a personal HR matter, so I can't help with it here. Please contact HR at hr@example.com.";
    expect(findKnowledgeLeaks(referral, [travel, referral])).toEqual([]);
    expect(findKnowledgeLeaks(referral, [travel]).length).toBeGreaterThan(0);
  });

  it("splits sentences at full stops and list items, ignoring citation markers", () => {
    expect(answerSentences("First point [1]. Second one [2].\n- Item A\n- Item B")).toEqual(["First point.", "Second one.", "Item A", "Item B"]);
  });
});
