import { describe, expect, it } from "vitest";
import { locateCitation, pageAt, sentencesCiting, type CitableChunk } from "./cited-sentences";

const chunk: CitableChunk = {
  text: "Meals\nClient meals are capped at 85 per person,\nincluding drinks. Receipts are required for every claim.\n\nTaxis are reimbursed after 22:00. Hotels are booked through the travel portal.",
  page: 4,
  pageStarts: [106],
};
const slice = (s: [number, number]) => chunk.text.slice(s[0], s[1]);

describe("locating cited sentences in their chunk", () => {
  it("finds quoted sentences verbatim across the chunk's line breaks, with the page each is on", () => {
    const answer = "Client meals are capped at 85 per person, including drinks. [1] Hotels are booked through the travel portal. [1]";
    const place = locateCitation(answer, 1, chunk)!;
    expect(place.spans.map(slice)).toEqual(["Client meals are capped at 85 per person,\nincluding drinks.", "Hotels are booked through the travel portal."]);
    expect(place.page).toBe(4);
    expect(locateCitation("Hotels are booked through the travel portal [2].", 2, chunk)).toMatchObject({ page: 5 });
  });

  it("matches a paraphrase to the chunk sentence sharing most of its words", () => {
    const place = locateCitation("- You need **receipts** for every expense claim [3]. Ask your manager first.", 3, chunk)!;
    expect(place.spans.map(slice)).toEqual(["Receipts are required for every claim."]);
  });

  it("locates a list item quoted after its lead-in as both, apart in the chunk", () => {
    const list: CitableChunk = {
      text: "The following are never reimbursed, even with a receipt:\n\n- Traffic and parking fines.\n- Personal grooming, clothing, and gym memberships.",
      page: 2,
      pageStarts: [],
    };
    const place = locateCitation("The following are never reimbursed, even with a receipt: Personal grooming, clothing, and gym memberships. [1]", 1, list)!;
    expect(place.spans.map(([s, e]) => list.text.slice(s, e))).toEqual([
      "The following are never reimbursed, even with a receipt:",
      "Personal grooming, clothing, and gym memberships.",
    ]);
    // The source's snippet starts at the first cited sentence.
    expect(place.snippet).toBe("The following are never reimbursed, even with a receipt: Traffic and parking fines. · Personal grooming, clothing, and gym memberships.");
  });

  it("locates nothing when no sentence carries the marker or none is close enough", () => {
    expect(locateCitation("Parking is free at the head office [1].", 1, chunk)).toBeNull();
    expect(locateCitation("Client meals are capped at 85 per person [2].", 1, chunk)).toBeNull();
  });

  it("reads each sentence's markers, wherever the model put them", () => {
    expect(sentencesCiting("First fact [1]. Second fact. [2][1] Third, e.g. 3.5 days [2].\n- Fourth [1]", 1)).toEqual(["First fact.", "Second fact.", "Fourth"]);
  });

  it("falls back to the chunk's page when its page starts are unknown", () => {
    expect(pageAt({ page: 2, pageStarts: null }, 500)).toBe(2);
    expect(pageAt({ page: null, pageStarts: null }, 0)).toBeNull();
  });
});
