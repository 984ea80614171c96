import { describe, expect, it } from "vitest";
import { listSamplePolicies } from "../../samples";
import { detectMime, MIME, parseDocument } from ".";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("detectMime", () => {
  it("trusts content over the file name for binary formats", () => {
    expect(detectMime(bytes("%PDF-1.7\n", [0xe2, 0xe3, 0xcf, 0xd3]), "notes.md")).toBe(MIME.pdf);
    expect(detectMime(bytes([0, 0, 0], "%PDF-1.4", [0xff]), "junk-before-header.bin")).toBe(MIME.pdf);
    expect(detectMime(bytes("PK\u0003\u0004", [0x14, 0], "word/document.xml", [0, 0]), "report.zip")).toBe(MIME.docx);
    expect(detectMime(bytes("PK\u0003\u0004", [0x14, 0], "ppt/presentation.xml", [0, 0]), "deck.docx")).toBe(MIME.pptx);
    expect(detectMime(bytes("PK\u0003\u0004", [0x14, 0], "xl/workbook.xml"), "sheet.docx")).toBe(MIME.xlsx);
  });

  it("detects HTML by its opening, whatever the extension", () => {
    expect(detectMime(bytes("\uFEFF  <!DOCTYPE html><html><body>x</body></html>"), "page.txt")).toBe(MIME.html);
    expect(detectMime(bytes("<!-- saved --><HTML lang=en>"), "page")).toBe(MIME.html);
    expect(detectMime(bytes("<p>fragment</p>"), "page.htm")).toBe(MIME.html);
  });

  it("uses the extension for text content", () => {
    expect(detectMime(bytes("# Title"), "README.md")).toBe(MIME.markdown);
    expect(detectMime(bytes("# Title"), "guide.MARKDOWN")).toBe(MIME.markdown);
    expect(detectMime(bytes("Straße 5 — café"), "notes.txt")).toBe(MIME.text);
    expect(detectMime(bytes("The header looks like %PDF-1.7 in every file."), "pdf-notes.md")).toBe(MIME.markdown);
  });

  it("returns null for unsupported content", () => {
    expect(detectMime(bytes([0x89], "PNG\r\n", [0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR"), "diagram.md")).toBeNull();
    expect(detectMime(bytes("MZ", [0x90, 0, 3, 0]), "setup.exe")).toBeNull();
    // A zip that is none of the Office formats (here an OpenDocument text) is not parsed.
    expect(detectMime(bytes("PK\u0003\u0004", [0x14, 0], "mimetypeapplication/vnd.oasis.opendocument.text", "content.xml"), "notes.docx")).toBeNull();
    expect(detectMime(bytes("caf", [0xe9], " latin-1"), "notes.txt")).toBeNull();
    expect(detectMime(bytes("a,b\n1,2"), "data.csv")).toBeNull();
    expect(detectMime(bytes("plain"), "no-extension")).toBeNull();
  });
});

describe("parseDocument", () => {
  it("dispatches on the mime type and uses the file name as fallback title", async () => {
    const doc = await parseDocument({ bytes: bytes("Hello\r\n\r\nWorld"), filename: "greeting.txt", mime: MIME.text });
    expect(doc.title).toBe("Greeting");
    expect(doc.blocks.map((b) => b.text)).toEqual(["Hello", "World"]);
    const html = await parseDocument({ bytes: bytes("<h1>Hi</h1><p>there</p>"), filename: "a.html", mime: MIME.html });
    expect(html.title).toBe("Hi");
  });

  it("rejects documents without extractable text and unknown types", async () => {
    await expect(parseDocument({ bytes: bytes("  \n\n "), filename: "empty.md", mime: MIME.markdown })).rejects.toThrow(
      "No text could be extracted from this file",
    );
    await expect(parseDocument({ bytes: bytes("<script>x()</script>"), filename: "a.html", mime: MIME.html })).rejects.toThrow(
      "No text could be extracted from this file",
    );
    await expect(parseDocument({ bytes: bytes("x"), filename: "a.png", mime: "image/png" })).rejects.toThrow("Unsupported document type");
  });

  it("detects and parses every shipped sample policy", async () => {
    const samples = await listSamplePolicies();
    expect(samples.map((s) => [s.filename, s.mime])).toEqual([
      ["expenses-policy.pdf", MIME.pdf],
      ["it-security-policy.docx", MIME.docx],
      ["leave-policy.md", MIME.markdown],
      ["travel-policy.md", MIME.markdown],
    ]);
    const titles = await Promise.all(samples.map(async (s) => (await parseDocument(s)).title));
    expect(titles).toEqual(["Expenses Policy", "IT Security Policy", "Leave and Time Off Policy", "Business Travel Policy"]);
  });
});
