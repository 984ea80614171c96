import { describe, expect, it } from "vitest";
import { contentTerms, contentWords, keywordTerms } from "./terms";

describe("keywordTerms", () => {
  it("splits identifiers into the parts the index holds and leaves stopwords to the index", () => {
    expect(keywordTerms("Do I need form POL-TRV-004? Do I?")).toEqual(["do", "i", "need", "form", "pol", "trv", "004"]);
  });
});

describe("contentWords and contentTerms", () => {
  it("keep the words that carry a subject, as written and as Snowball stems", () => {
    expect(contentWords("Tell me how many policies I need to know about")).toEqual(["policies"]);
    expect(contentTerms("Travelling reimbursements, 2 receipts")).toEqual(["travel", "reimburs", "2", "receipt"]);
  });
});
