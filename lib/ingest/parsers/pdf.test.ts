import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makePdf } from "@/testing/pdf";
import { passageUnits } from "../../text/sentences";
import { documentText, tableText } from "../document-model";
import { parseMarkdown } from "./markdown";
import { parsePdf } from "./pdf";

const words = (text: string) => text.replace(/\| --- /g, " ").replace(/[|•]/g, " ").replace(/^\s*- /gm, " ").split(/\s+/).filter(Boolean);

describe("parsePdf", () => {
  it("rebuilds headings by font size, paragraphs by gaps, bullets as lists, with pages", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica-Bold").fontSize(22).text("Remote Work Policy").moveDown(0.5);
      pdf.font("Helvetica").fontSize(11).text("First paragraph. ".repeat(12).trim()).moveDown(1);
      pdf.text("Second paragraph is short.").moveDown(1);
      pdf.font("Helvetica-Bold").fontSize(15).text("Equipment").moveDown(0.5);
      pdf.font("Helvetica").fontSize(11).text("•  A laptop").text("•  A monitor, which can be wide enough to wrap onto a second line of text in this document layout").moveDown(1);
      pdf.addPage().text("Page two text.");
      pdf.text("2", 0, 740, { align: "center", width: 595 });
    }, "");
    const doc = await parsePdf(bytes, "remote-work");
    expect(doc.title).toBe("remote-work");
    expect(doc.pageCount).toBe(2);
    expect(doc.pagesWithoutText).toEqual([]);
    expect(doc.blocks.map((b) => [b.kind, b.level, b.page, b.text.replace(/\n/g, " ")])).toEqual([
      ["heading", 1, 1, "Remote Work Policy"],
      ["paragraph", undefined, 1, "First paragraph. ".repeat(12).trim()],
      ["paragraph", undefined, 1, "Second paragraph is short."],
      ["heading", 2, 1, "Equipment"],
      ["list", undefined, 1, "- A laptop - A monitor, which can be wide enough to wrap onto a second line of text in this document layout"],
      // The running page number "2" at the bottom is dropped.
      ["paragraph", undefined, 2, "Page two text."],
    ]);
    expect(doc.blocks[4]!.headingPath).toEqual(["Remote Work Policy", "Equipment"]);
  });

  it("reads a heading only a little larger than the body (Word's Heading 3) as a heading, closely followed by its text, but not a sentence or a total", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica-Bold").fontSize(16).text("Expenses Policy").moveDown(0.3);
      pdf.fontSize(13).text("4. Submitting a Claim").moveDown(0.2);
      pdf.fontSize(12).text("4.2 Deadlines");
      pdf.font("Helvetica").fontSize(11).text("Claims must be submitted within 60 days of the expense. ".repeat(3).trim()).moveDown(0.5);
      pdf.font("Helvetica-Bold").fontSize(12).text("Late claims are paid only with a director's approval.");
      pdf.font("Helvetica").fontSize(11).text("Approval is recorded on the claim. ".repeat(3).trim()).moveDown(0.5);
      pdf.font("Helvetica-Bold").fontSize(12).text("TOTAL $821.14");
      pdf.font("Helvetica").fontSize(11).text("Paid by card on the day of purchase, with the receipt attached.");
    }, "");
    const doc = await parsePdf(bytes, "expenses");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => [b.level, b.text])).toEqual([
      [1, "Expenses Policy"],
      [2, "4. Submitting a Claim"],
      [3, "4.2 Deadlines"],
    ]);
    // The heading is its own block: the rule under it starts with its own words and sits under it.
    const rule = doc.blocks.find((b) => b.text.startsWith("Claims must be submitted"));
    expect(rule?.headingPath).toEqual(["Expenses Policy", "4. Submitting a Claim", "4.2 Deadlines"]);
    // A larger sentence and a total are text, each its own paragraph before the body text after it.
    expect(doc.blocks.map((b) => b.text)).toContain("Late claims are paid only with a director's approval.");
    expect(doc.blocks.map((b) => b.text)).toContain("TOTAL $821.14");
  });

  it("ends a list where a line goes back to the margin after a short item, also with no gap before the next paragraph", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(11).text("The deductible each plan year:");
      pdf.text("•  $500 per person").text("•  $1,000 per family");
      pdf.text("Copays do not count toward the deductible, and the family deductible is embedded for everyone.");
      // A hanging indent carries an item on after a short line.
      pdf.text("•  Tier 1:").text("$10 copay", 90);
    }, "");
    const doc = await parsePdf(bytes, "plan");
    expect(doc.blocks.map((b) => [b.kind, b.text.replace(/\n(?!- )/g, " ")])).toEqual([
      ["paragraph", "The deductible each plan year:"],
      ["list", "- $500 per person\n- $1,000 per family"],
      ["paragraph", "Copays do not count toward the deductible, and the family deductible is embedded for everyone."],
      ["list", "- Tier 1: $10 copay"],
    ]);
  });

  it("rebuilds a borderless table from cells that line up, between paragraphs that stay prose", async () => {
    const rows = [
      ["Coverage tier", "Plan A", "Plan B"],
      ["Employee only", "$42.50", "$61.00"],
      ["Employee + spouse", "$88.10", "$119.40"],
      ["Employee + family", "$120.00", "$155.25"],
    ];
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(10).text("Contributions per paycheck for each plan are shown below, before tax.", 72, 90);
      rows.forEach((row, r) => row.forEach((cell, c) => pdf.text(cell, [72, 250, 360][c]!, 130 + r * 20, { lineBreak: false })));
      pdf.text("The company pays the rest of the premium.", 72, 230);
    }, "");
    const doc = await parsePdf(bytes, "rates");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["paragraph", "Contributions per paycheck for each plan are shown below, before tax."],
      ["table", tableText(rows)],
      ["paragraph", "The company pays the rest of the premium."],
    ]);
    // A row is quoted with its column names.
    expect(passageUnits(doc.blocks[1]!.text).map((u) => u.text)).toContain("Coverage tier: Employee + family; Plan A: $120.00; Plan B: $155.25");
  });

  it("keeps a cell's wrapped lines in its row, and a table of key and value without a header row", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(10);
      const rows = [
        ["Service", "Plan pays", "Notes"],
        ["Cleanings", "100%", "Twice per plan year, with bitewing X-rays once per plan year"],
        ["Fillings", "80%", "After the deductible"],
        ["Crowns", "50%", "After the deductible, and only once you have been enrolled for 12 months"],
      ];
      let y = 100;
      for (const row of rows) {
        const height = Math.max(...row.map((cell, c) => pdf.heightOfString(cell, { width: [150, 80, 200][c]! })));
        row.forEach((cell, c) => pdf.text(cell, [72, 240, 340][c]!, y, { width: [150, 80, 200][c]! }));
        y += height + 10;
      }
      y += 30;
      for (const [key, value] of [["Year", "2022"], ["Make", "Jeep"], ["Model", "Grand Cherokee"]]) {
        pdf.text(key!, 72, y, { lineBreak: false }).text(value!, 200, y, { lineBreak: false });
        y += 14;
      }
    }, "");
    const doc = await parsePdf(bytes, "dental");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["table", tableText([
        ["Service", "Plan pays", "Notes"],
        ["Cleanings", "100%", "Twice per plan year, with bitewing X-rays once per plan year"],
        ["Fillings", "80%", "After the deductible"],
        ["Crowns", "50%", "After the deductible, and only once you have been enrolled for 12 months"],
      ])],
      // "2022" is a value, not a column's name.
      ["table", tableText([["", ""], ["Year", "2022"], ["Make", "Jeep"], ["Model", "Grand Cherokee"]])],
    ]);
  });


  it("reads a table of rules, whose cells are as long as prose but leave their columns part empty", async () => {
    const rows = [
      ["Symptom or illness", "Stay home until"],
      ["Fever of 100.0 degrees F or higher", "24 hours after the fever ends without medicine"],
      ["Vomiting or diarrhea", "48 hours after the last episode"],
      ["Pink eye (conjunctivitis) with discharge from the eye", "Discharge has stopped, or 24 hours after treatment"],
      ["Flu, confirmed or suspected", "At least 5 days after symptoms start"],
    ];
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(9);
      rows.forEach((row, i) => row.forEach((cell, c) => pdf.text(cell, [72, 300][c]!, 100 + i * 18, { lineBreak: false })));
    }, "");
    const doc = await parsePdf(bytes, "sickness");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([["table", tableText(rows)]]);
  });
  it("writes a label standing over several columns before each of their names, and joins a header's second line", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(10);
      const x = [72, 220, 300, 380, 460];
      // Each label is centred over its two columns.
      pdf.text("Summit PPO", 250, 100, { lineBreak: false }).text("Harbor HMO", 410, 100, { lineBreak: false });
      ["Tier", "Full-time", "Part-time", "Full-time", "Part-time"].forEach((cell, c) => pdf.text(cell, x[c]!, 114, { lineBreak: false }));
      ["", "per check", "per check", "per check", "per check"].forEach((cell, c) => cell && pdf.text(cell, x[c]!, 126, { lineBreak: false }));
      [["Employee only", "$58.40", "$96.15", "$34.75", "$61.30"], ["Employee + family", "$212.60", "$318.70", "$151.90", "$244.80"]].forEach((row, r) =>
        row.forEach((cell, c) => pdf.text(cell, x[c]!, 140 + r * 12, { lineBreak: false })));
    }, "");
    const doc = await parsePdf(bytes, "rates");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["table", tableText([
        ["Tier", "Summit PPO Full-time per check", "Summit PPO Part-time per check", "Harbor HMO Full-time per check", "Harbor HMO Part-time per check"],
        ["Employee only", "$58.40", "$96.15", "$34.75", "$61.30"],
        ["Employee + family", "$212.60", "$318.70", "$151.90", "$244.80"],
      ])],
    ]);
  });

  it("gives a table that goes on at the top of the next page without its header the header it continues", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(10);
      const row = (cells: string[], y: number) => cells.forEach((cell, c) => pdf.text(cell, 72 + c * 150, y, { lineBreak: false }));
      row(["City", "Lodging per night", "Meals per day"], 660);
      row(["Albany", "$164", "$67"], 680);
      row(["Atlanta", "$189", "$76"], 700);
      pdf.addPage();
      row(["Boston", "$289", "$93"], 72);
      row(["Chicago", "$246", "$89"], 92);
      row(["Denver", "$214", "$83"], 112);
    }, "");
    const doc = await parsePdf(bytes, "rates");
    expect(doc.blocks.map((b) => [b.page, b.text])).toEqual([
      [1, tableText([["City", "Lodging per night", "Meals per day"], ["Albany", "$164", "$67"], ["Atlanta", "$189", "$76"]])],
      [2, tableText([["City", "Lodging per night", "Meals per day"], ["Boston", "$289", "$93"], ["Chicago", "$246", "$89"], ["Denver", "$214", "$83"]])],
    ]);
  });

  it("keeps a list with a hanging indent a list, however far its text sits from the bullets", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(11);
      ["Report a lost laptop within 24 hours", "Lock your screen when you leave your desk", "Use the password manager for every account"].forEach((item, i) =>
        pdf.text("•", 72, 100 + i * 16, { lineBreak: false }).text(item, 96, 100 + i * 16, { lineBreak: false }));
    }, "");
    const doc = await parsePdf(bytes, "security");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["list", "- Report a lost laptop within 24 hours\n- Lock your screen when you leave your desk\n- Use the password manager for every account"],
    ]);
  });

  it("does not take two columns of prose on the same lines for a table", async () => {
    const left = ["Employees who travel more than four times", "a year may apply for a corporate card, and", "must reconcile every transaction within"];
    const right = ["Personal purchases on a corporate card, even", "if repaid, are a breach of this policy, and a", "second breach leads to the card's cancellation"];
    const bytes = await makePdf((pdf) => {
      pdf.font("Helvetica").fontSize(10);
      left.forEach((line, i) => pdf.text(line, 72, 100 + i * 13, { lineBreak: false }).text(right[i]!, 320, 100 + i * 13, { lineBreak: false }));
    }, "");
    const doc = await parsePdf(bytes, "cards");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph"]);
  });

  it("drops running headers and footers, and keeps body text that repeats on every page", async () => {
    const bytes = await makePdf((pdf) => {
      for (let page = 1; page <= 3; page++) {
        if (page > 1) pdf.addPage();
        pdf.font("Helvetica").fontSize(8).text("Acme Corp | Employee Handbook", 72, 40, { lineBreak: false });
        pdf.fontSize(11).text(`Section ${page} sets out the rules for this part of the handbook.`, 72, 90);
        pdf.text("Ask your manager if anything here is unclear.");
        pdf.fontSize(8).text(`Employee Handbook | Page ${page} of 3`, 72, 780, { lineBreak: false });
      }
    }, "");
    const doc = await parsePdf(bytes, "handbook");
    const text = documentText(doc.blocks);
    expect(text).not.toContain("Acme Corp");
    expect(text).not.toContain("Page 2 of 3");
    expect(doc.blocks.map((b) => [b.page, b.text.replace(/\n/g, " ")])).toEqual([1, 2, 3].map((page) => [
      page,
      `Section ${page} sets out the rules for this part of the handbook. Ask your manager if anything here is unclear.`,
    ]));

    // The same first line on every page, running on into the body at line spacing, is content.
    const template = await makePdf((pdf) => {
      for (let page = 1; page <= 3; page++) {
        if (page > 1) pdf.addPage();
        pdf.font("Helvetica").fontSize(11).text("Every form must be signed by the employee and their manager", 72, 72);
        pdf.text(`before it is sent to payroll, as step ${page} of the process describes.`);
      }
    }, "");
    expect((await parsePdf(template, "forms")).blocks.map((b) => b.text.replace(/\n/g, " "))).toEqual([1, 2, 3].map((page) =>
      `Every form must be signed by the employee and their manager before it is sent to payroll, as step ${page} of the process describes.`));
  });

  it("uses the metadata title unless it is a placeholder, and reports pages without text", async () => {
    const scanned = await makePdf((pdf) => {
      pdf.text("Only the first page has text.");
      pdf.addPage().rect(50, 50, 200, 200).fill("#333");
    }, "Scanned Handbook");
    const doc = await parsePdf(scanned, "fallback");
    expect(doc.title).toBe("Scanned Handbook");
    expect(doc.pagesWithoutText).toEqual([2]);
    expect((await parsePdf(await makePdf((pdf) => pdf.text("x"), "untitled"), "fallback")).title).toBe("fallback");
  });

  it("throws readable errors for damaged input", async () => {
    await expect(parsePdf(new TextEncoder().encode("%PDF-1.7\nnot really a pdf"), "x")).rejects.toThrow("The file is not a valid PDF");
    await expect(parsePdf(new Uint8Array(), "x")).rejects.toThrow("The file is not a valid PDF");
  });

  it("leaves the caller's bytes intact", async () => {
    const bytes = await makePdf((pdf) => pdf.text("Hello"));
    const copy = bytes.slice();
    await parsePdf(bytes, "x");
    expect(bytes).toEqual(copy);
  });

  it("round-trips the shipped expenses policy PDF against its Markdown source", async () => {
    const pdf = await parsePdf(new Uint8Array(readFileSync(path.resolve(process.cwd(), "lib/samples/policies/expenses-policy.pdf"))), "x");
    const source = parseMarkdown(readFileSync(path.resolve(process.cwd(), "scripts/sample-sources/expenses-policy.md"), "utf8"), "x");
    expect(pdf.title).toBe("Expenses Policy");
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(new Set(pdf.blocks.map((b) => b.page))).toEqual(new Set(Array.from({ length: pdf.pageCount! }, (_, i) => i + 1)));
    const headings = (blocks: typeof pdf.blocks) => blocks.filter((b) => b.kind === "heading").map((b) => [b.level, b.text]);
    expect(headings(pdf.blocks)).toEqual(headings(source.blocks));
    expect(words(documentText(pdf.blocks))).toEqual(words(documentText(source.blocks)));
    expect(pdf.blocks.find((b) => b.kind === "list")?.text).toContain("- Traffic and parking fines, and clamping fees.");
    expect(pdf.blocks.find((b) => b.text.includes("EXP-E430"))?.headingPath).toEqual(["Expenses Policy", "4. Submitting a Claim", "4.2 Deadlines"]);
  });
});
