import { describe, expect, it } from "vitest";
import { contentTerms, contentWords, derivationKey, keywordTerms } from "./terms";

describe("keywordTerms", () => {
  it("splits identifiers into the parts the index holds and leaves stopwords to the index", () => {
    expect(keywordTerms("Do I need form POL-TRV-004? Do I?")).toEqual(["do", "i", "need", "form", "pol", "trv", "004"]);
  });
});

describe("contentWords and contentTerms", () => {
  it("keep the words that carry a subject, as written and as Snowball stems", () => {
    expect(contentWords("Tell me how many policies I need to know about")).toEqual(["policies"]);
    expect(contentTerms("Travelling reimbursements, 2 receipts")).toEqual(["travel", "reimburs", "2", "receipt"]);
    // An allowance is money, being allowed permission: Snowball joins them, the toolkit does not.
    expect(contentTerms("allowance allowances allowed allow")).toEqual(["allowanc", "allowanc", "allow", "allow"]);
  });
});

describe("derivationKey", () => {
  it("joins a verb and the noun made from it, which Snowball keeps apart", () => {
    for (const [verb, noun] of [["apply", "application"], ["admitted", "admission"], ["decide", "decision"], ["submit", "submission"]]) {
      expect(derivationKey(verb!)).toBe(derivationKey(noun!));
      expect(contentTerms(verb!)).not.toEqual(contentTerms(noun!));
    }
  });

  it("gives no key when the stem is too short to mean one thing", () => {
    expect(derivationKey("insurance")).toBeUndefined(); // Lancaster: "in", as "insure"
    expect(derivationKey("general")).toBeUndefined(); // "gen", as "generation"
    expect(derivationKey("2027")).toBeUndefined();
  });
});
