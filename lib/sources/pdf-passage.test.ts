import { readFile } from "node:fs/promises";
import path from "node:path";
import { extractTextItems, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { documentText } from "../ingest/document-model";
import { chunkDocument } from "../ingest/chunker";
import { parsePdf } from "../ingest/parsers/pdf";
import { SAMPLE_POLICIES_DIR } from "../samples";
import { matchPassage, passageKey } from "./pdf-passage";

const items = (...strs: string[]) => strs.map((str) => ({ str }));
const covered = (list: { str: string }[], match: ReturnType<typeof matchPassage>) =>
  match.ranges.map((r) => list[r.item]!.str.slice(r.from, r.to)).join("|");

describe("matchPassage", () => {
  it("finds a passage whose lines the parser joined and de-hyphenated, and marks only its characters", () => {
    const page = items("Travel", "Economy class is booked for con-", "firming trips under", " six hours. Business class", "needs approval.");
    const match = matchPassage(page, passageKey("Economy class is booked for confirming trips under six hours."));
    expect(covered(page, match)).toBe("Economy class is booked for con|firming trips under|six hours");
    expect(match.consumed).toBe(passageKey("Economy class is booked for confirming trips under six hours.").length);
  });

  it("leaves what is not on this page for the next one", () => {
    const key = passageKey("Receipts are kept for seven years by finance. They are scanned on arrival.");
    const first = matchPassage(items("4", "Receipts are kept for seven years"), key);
    expect(first.consumed).toBe(passageKey("Receipts are kept for seven years").length);
    const second = matchPassage(items("5", "by finance. They are scanned on arrival.", "Other text"), key.slice(first.consumed));
    expect(second.consumed).toBe(key.length - first.consumed);
  });

  it("matches nothing rather than a chance word when the passage is not on the page", () => {
    const match = matchPassage(items("The travel policy covers flights and hotels."), passageKey("Client meals are reimbursed up to 85 euros per person."));
    expect(match).toEqual({ ranges: [], consumed: 0 });
  });

  it("locates every chunk of the sample expenses PDF on its page, as pdf.js reports the text", async () => {
    const bytes = new Uint8Array(await readFile(path.join(SAMPLE_POLICIES_DIR, "expenses-policy.pdf")));
    const parsed = await parsePdf(bytes, "expenses");
    const text = documentText(parsed.blocks);
    const pdf = await getDocumentProxy(bytes.slice());
    const pages = (await extractTextItems(pdf)).items;
    const chunks = chunkDocument(parsed);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      let key = passageKey(text.slice(chunk.start, chunk.end));
      for (let page = chunk.page!; key.length > 0 && page <= pages.length; page++) {
        key = key.slice(matchPassage(pages[page - 1]!, key).consumed);
      }
      expect(key, `chunk ${chunk.ordinal} on page ${chunk.page}`).toBe("");
    }
  });
});
