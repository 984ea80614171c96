import { readFileSync } from "node:fs";
import path from "node:path";
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { parseDocx } from "./docx";
import { parseMarkdown } from "./markdown";

const shape = (blocks: { kind: string; text: string; level?: number; headingPath: string[] }[]) =>
  blocks.map(({ kind, text, level, headingPath }) => ({ kind, text, level, headingPath }));

describe("parseDocx", () => {
  it("round-trips the shipped IT security policy DOCX against its Markdown source", async () => {
    const docx = await parseDocx(new Uint8Array(readFileSync(path.resolve(process.cwd(), "lib/samples/policies/it-security-policy.docx"))), "x");
    const source = parseMarkdown(readFileSync(path.resolve(process.cwd(), "scripts/sample-sources/it-security-policy.md"), "utf8"), "x");
    expect(docx.title).toBe("IT Security Policy");
    expect(shape(docx.blocks)).toEqual(shape(source.blocks));
    expect(docx.blocks.find((b) => b.kind === "table")?.text.split("\n")[0]).toBe("| Level | Examples | Allowed storage | External sharing |");
  });

  it("treats Word's Title style as the title heading", async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Onboarding Guide", heading: HeadingLevel.TITLE }),
            new Paragraph({ text: "Week one", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: "Meet your buddy." }),
          ],
        },
      ],
    });
    const doc = await parseDocx(new Uint8Array(await Packer.toBuffer(document)), "fallback");
    expect(doc.title).toBe("Onboarding Guide");
    expect(doc.blocks.at(-1)?.headingPath).toEqual(["Week one"]);
  });

  it("writes a bulleted list nested in a numbered item under that item's text", async () => {
    const levels = [LevelFormat.DECIMAL, LevelFormat.BULLET].map((format, level) => ({ level, format, text: level ? "\u2022" : "%1.", alignment: AlignmentType.START }));
    const step = (text: string, level: number) => new Paragraph({ text, numbering: { reference: "steps", level } });
    const document = new Document({
      numbering: { config: [{ reference: "steps", levels }] },
      sections: [{ children: [step("Open the portal", 0), step("Use single sign-on", 1), step("Submit the claim", 0)] }],
    });
    const doc = await parseDocx(new Uint8Array(await Packer.toBuffer(document)), "x");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([["list", "1. Open the portal\n   - Use single sign-on\n2. Submit the claim"]]);
  });

  it("falls back to the file name when there is no heading", async () => {
    const document = new Document({ sections: [{ children: [new Paragraph({ text: "Just a note." })] }] });
    expect((await parseDocx(new Uint8Array(await Packer.toBuffer(document)), "note")).title).toBe("note");
  });

  it("throws a readable error for bytes that are not a Word document", async () => {
    await expect(parseDocx(new TextEncoder().encode("PK\u0003\u0004 broken"), "x")).rejects.toThrow("The file is not a valid Word (.docx) document.");
  });
});
