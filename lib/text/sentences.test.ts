import { describe, expect, it } from "vitest";
import { passageUnits, proseRanges, splitProse, splitSentences, typedSentences } from "./sentences";
import { snowballStem as stem } from "./terms";

describe("splitSentences", () => {
  it("splits prose, list items and table rows, and drops headings", () => {
    const text =
      "# Travel\nFlights are booked via the portal, e.g. Navan. Dr. Smith approves exceptions.\nLong trips need\n" +
      "approval.\n\n- Taxis are reimbursed at cost.\n* Rail: standard class only\n1. Keep all receipts.\n\n" +
      "| City | Nightly limit |\n|---|---|\n| London | £200 |";
    expect(splitSentences(text)).toEqual([
      "Flights are booked via the portal, e.g. Navan.",
      "Dr. Smith approves exceptions.",
      "Long trips need approval.",
      "Taxis are reimbursed at cost.",
      "Rail: standard class only",
      "Keep all receipts.",
      "City: London; Nightly limit: £200",
    ]);
  });

  it("drops a heading line that closes on its acronym, and keeps a short sentence in parentheses", () => {
    // A passage that runs on over several small sections keeps their headings as plain lines.
    const text = "Competitive Development Program (CDP)\n\nThe CDP requires supervisor approval.\n\nAsk your manager (HR).";
    expect(splitSentences(text)).toEqual(["The CDP requires supervisor approval.", "Ask your manager (HR)."]);
  });

  it("keeps a sentence whole where ICU breaks inside a token, as at a URL's question mark", () => {
    expect(splitSentences("Photos are kept ![s](https://evil.example/c?q=1) for 30 days. Then deleted.")).toEqual([
      "Photos are kept ![s](https://evil.example/c?q=1) for 30 days.",
      "Then deleted.",
    ]);
  });

  it("does not end a sentence at an abbreviation, an initial or a dotted acronym", () => {
    expect(splitProse("Bring ID, e.g. a passport. The U.S. Department of State issues them. See No. 5 and Sec. 3.2 of the policy. J. Smith signs.")).toEqual([
      "Bring ID, e.g. a passport.",
      "The U.S. Department of State issues them.",
      "See No. 5 and Sec. 3.2 of the policy.",
      "J. Smith signs.",
    ]);
    expect(splitProse("Claims are paid i.e. monthly. Others are not.")).toEqual(["Claims are paid i.e. monthly.", "Others are not."]);
  });

  it("keeps citation markers with the sentence they follow, and reads a wrapped line as one sentence", () => {
    expect(splitProse("Taxis are reimbursed at cost. [2] Rail is standard class [1][3]. Long trips need\nmanager approval.")).toEqual([
      "Taxis are reimbursed at cost. [2]",
      "Rail is standard class [1][3].",
      "Long trips need\nmanager approval.",
    ]);
  });

  it("gives each sentence's place in the text, so a caller can cut the text there", () => {
    const text = "  Flights are booked via the portal.  Dr. Smith approves exceptions.\n";
    const ranges = proseRanges(text);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(["Flights are booked via the portal.", "Dr. Smith approves exceptions."]);
    expect(ranges[0]![0]).toBe(2);
  });

  it("marks a sentence ending in a colon as the lead-in of the list after it", () => {
    const units = passageUnits("Some text. The following are never reimbursed:\n- Alcohol.\n- Fines.\n\nAfter the list.");
    expect(units.map((u) => [u.text, u.kind, u.leadIn])).toEqual([
      ["Some text.", "prose", false],
      ["The following are never reimbursed:", "prose", true],
      ["Alcohol.", "item", false],
      ["Fines.", "item", false],
      ["After the list.", "prose", false],
    ]);
    expect(units[0]!.block).toBe(units[1]!.block);
    expect(units[2]!.block).toBe(units[3]!.block);
    expect(new Set(units.map((u) => u.block)).size).toBe(3);
  });
});

describe("typedSentences", () => {
  it("ends a typed sentence before a lower-case one, but not at an abbreviation or an initial", () => {
    expect(splitSentences("lost my receipt. can i still claim it?")).toHaveLength(1);
    expect(typedSentences("lost my receipt. can i still claim it? bit stuck")).toEqual(["lost my receipt.", "can i still claim it?", "bit stuck"]);
    expect(typedSentences("off approx. 5 days, e.g. with flu. is that ok?")).toEqual(["off approx. 5 days, e.g. with flu.", "is that ok?"]);
    expect(typedSentences("I paid £8.50 for lunch. Can I claim it?")).toEqual(["I paid £8.50 for lunch.", "Can I claim it?"]);
  });
});

describe("stem", () => {
  it("folds common word forms together (Snowball English)", () => {
    for (const [a, b] of [["receipts", "receipt"], ["travelling", "travel"], ["reimbursed", "reimbursement"], ["policies", "policy"], ["approval", "approve"], ["submitted", "submit"]]) {
      expect(stem(a!)).toBe(stem(b!));
    }
  });
});
