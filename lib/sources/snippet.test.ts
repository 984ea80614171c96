import { describe, expect, it } from "vitest";
import { snippetOf } from "./snippet";

const LIMITS =
  "2. Reimbursable Expenses\n\n2.1 Spending Limits\n\nThe limits below apply per person.\n\n" +
  "| Category | Limit (USD) |\n| --- | --- |\n| Client meals | 85 per person |\n| Team meals | 45 per person |";

describe("a passage's snippet", () => {
  it("reads as text: no opening headings, table rows as their labelled cells, no Markdown pipes", () => {
    const headings = ["Expenses Policy", "2. Reimbursable Expenses", "2.1 Spending Limits"];
    expect(snippetOf(LIMITS, { headings })).toBe(
      "The limits below apply per person. · Category: Client meals; Limit (USD): 85 per person · Category: Team meals; Limit (USD): 45 per person",
    );
  });

  it("starts at the cited sentence when it is known", () => {
    // A row keeps its column labels, though the cited line is the row alone.
    const row = LIMITS.indexOf("| Team meals");
    expect(snippetOf(LIMITS, { cited: [row, LIMITS.length] })).toBe("Category: Team meals; Limit (USD): 45 per person");
    const sentence = LIMITS.indexOf("The limits");
    expect(snippetOf(LIMITS, { cited: [sentence, sentence + 34] })).toMatch(/^The limits below apply per person\. · Category: Client meals/);
    // A sentence in the middle of its paragraph's line.
    const text = "Sick Leave\n\nYou receive 12 days a year. Tell your manager early.";
    const tell = text.indexOf("Tell");
    expect(snippetOf(text, { cited: [tell, text.length] })).toBe("Tell your manager early.");
  });

  it("ends at a word, with an ellipsis, past 280 characters; a passage of headings alone is kept as it is", () => {
    const long = `Staff may claim ${"reasonable costs ".repeat(40)}with receipts.`;
    const snippet = snippetOf(long);
    expect(snippet.length).toBeLessThanOrEqual(281);
    expect(snippet).toMatch(/costs…$/);
    expect(snippetOf("Contacts")).toBe("Contacts");
  });
});
