import { readFileSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { MIME, parseDocument } from ".";
import { parseDocx } from "./docx";
import { checkZip, parseXml, ZIP_LIMITS } from "./zip-guard";

const MB = 1024 * 1024;
const zeros = (n: number) => new Uint8Array(n);
/** Incompressible bytes, so an entry's compressed size is close to its real size. */
const noise = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24);

/** Rewrites a central directory record of the named entry, as a forger would. */
function patchDirectory(zip: Uint8Array, name: string, patch: (view: DataView, record: number) => void): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 46 < copy.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (strFromU8(copy.subarray(at + 46, at + 46 + nameLength)) === name) patch(view, at);
  }
  return copy;
}
const declareSize = (zip: Uint8Array, name: string, size: number) => patchDirectory(zip, name, (v, at) => v.setUint32(at + 24, size, true));

const XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/** A real DOCX whose document.xml declares an external entity and uses it in place of a word. */
async function docxWithEntity(): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph({ text: "Hello ENTITY here" })] }] });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const xml = strFromU8(files["word/document.xml"]!).replace(/^(<\?xml[^>]*\?>)?/, (decl) => decl + XXE).replace("ENTITY", "&xxe;");
  return zipSync({ ...files, "word/document.xml": strToU8(xml) });
}

describe("checkZip", () => {
  it("accepts a real Office file and lists its parts", () => {
    const docx = new Uint8Array(readFileSync(path.resolve(process.cwd(), "lib/samples/policies/it-security-policy.docx")));
    const entries = checkZip(docx);
    expect(entries.map((e) => e.name)).toContain("word/document.xml");
    expect(entries.every((e) => e.size >= 0 && e.dataStart > 0)).toBe(true);
  });

  it("rejects a highly compressed entry: 10 MB of zeros in ~10 KB", () => {
    const bomb = zipSync({ "word/document.xml": zeros(10 * MB) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(() => checkZip(bomb)).toThrow(/zip bomb: its part "word\/document.xml" is compressed more than 100 to 1/);
  });

  it("rejects entries and totals beyond the size limits by their declared sizes, before inflating anything", () => {
    const one = declareSize(zipSync({ "a.xml": strToU8("<a/>") }), "a.xml", 60 * MB);
    expect(() => checkZip(one)).toThrow('The file looks like a zip bomb: its part "a.xml" would expand to more than 50 MB.');
    // Five stored parts of 500 KB each declaring 45 MB: each within the per-part and ratio limits, 225 MB in all.
    const parts: Zippable = {};
    for (let i = 0; i < 5; i++) parts[`p${i}.bin`] = [noise(500 * 1024), { level: 0 }];
    let total: Uint8Array = zipSync(parts);
    for (let i = 0; i < 5; i++) total = declareSize(total, `p${i}.bin`, 45 * MB);
    expect(() => checkZip(total)).toThrow("The file looks like a zip bomb: it would expand to more than 200 MB.");
  });

  it("rejects more than 2,000 entries", () => {
    const many: Zippable = {};
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) many[`f${i}.txt`] = strToU8("x");
    expect(() => checkZip(zipSync(many))).toThrow(/zip bomb: it has 2,001 parts, more than the 2,000/);
    delete many["f0.txt"];
    expect(checkZip(zipSync(many))).toHaveLength(2000);
  });

  it("does not trust declared sizes: inflation stops once the real output outgrows them", () => {
    // 10 MB of zeros declared as 1,000,000 bytes: under every declared limit, caught while inflating.
    const forged = declareSize(zipSync({ "ppt/slides/slide1.xml": zeros(10 * MB) }, { level: 9 }), "ppt/slides/slide1.xml", 1_000_000);
    expect(() => checkZip(forged)).toThrow(/zip bomb: its part "ppt\/slides\/slide1.xml" expands to more than the size its zip directory declares/);
  });

  it("applies custom limits", () => {
    const zip = zipSync({ "a.bin": noise(300 * 1024), "b.bin": noise(300 * 1024) });
    expect(() => checkZip(zip, { ...ZIP_LIMITS, maxTotalBytes: 512 * 1024 })).toThrow("it would expand to more than 0.5 MB");
    expect(checkZip(zip)).toHaveLength(2);
  });

  it("rejects damaged, ZIP64 and encrypted zips with a readable message", () => {
    const zip = zipSync({ "a.xml": strToU8("<a>hello</a>") });
    const damaged = "The file is not a valid Office document: its zip structure is damaged or incomplete.";
    expect(() => checkZip(zip.subarray(0, zip.length - 10))).toThrow(damaged);
    expect(() => checkZip(strToU8("PK\u0003\u0004 not really a zip"))).toThrow(damaged);
    expect(() => checkZip(new Uint8Array(0))).toThrow(damaged);
    expect(() => checkZip(declareSize(zip, "a.xml", 0xffffffff))).toThrow(/ZIP64/);
    const encrypted = patchDirectory(zip, "a.xml", (v, at) => v.setUint16(at + 8, v.getUint16(at + 8, true) | 1, true));
    expect(() => checkZip(encrypted)).toThrow('its part "a.xml" is encrypted or uses an unknown compression method');
  });

  it("rejects XML parts that declare a DTD, compressed or stored", () => {
    const xml = strToU8(`<?xml version="1.0"?>${XXE}<a>&xxe;</a>`);
    expect(() => checkZip(zipSync({ "xl/sharedStrings.xml": xml }))).toThrow(/its part "xl\/sharedStrings.xml" declares a DTD \(<!DOCTYPE>\)/);
    expect(() => checkZip(zipSync({ "_rels/.rels": [xml, { level: 0 }] }))).toThrow(/declares a DTD/);
    // Binary parts are not XML: the same bytes in an image are not a DTD.
    expect(checkZip(zipSync({ "media/image1.png": xml }))).toHaveLength(1);
  });
});

describe("parseXml", () => {
  it("refuses DTDs, so neither external nor internal entities ever expand", () => {
    expect(() => parseXml(`${XXE}<a>&xxe;</a>`, "part.xml")).toThrow(/"part.xml" declares a DTD/);
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY lol "lol">]><a>&lol;</a>', "part.xml")).toThrow(/declares a DTD/);
  });

  it("rejects malformed XML and undefined entities", () => {
    expect(() => parseXml("<a><b></a>", "x.xml")).toThrow('its part "x.xml" is not well-formed XML');
    expect(() => parseXml("<a>&xxe;</a>", "x.xml")).toThrow("not well-formed XML");
    expect(parseXml("<a>fish &amp; chips</a>", "x.xml").textContent).toBe("fish & chips");
  });
});

describe("Office files through parseDocument", () => {
  it("rejects a zip bomb for each Office type before any parser runs", async () => {
    const bomb = zipSync({ "word/document.xml": zeros(10 * MB), "ppt/presentation.xml": zeros(10), "xl/workbook.xml": zeros(10) }, { level: 9 });
    for (const mime of [MIME.docx, MIME.pptx, MIME.xlsx]) {
      await expect(parseDocument({ bytes: bomb, filename: "bomb", mime }), mime).rejects.toThrow("The file looks like a zip bomb");
    }
  });

  it("a DOCX declaring an external entity is rejected without leaking the file", async () => {
    const docx = await docxWithEntity();
    const error: Error = await parseDocument({ bytes: docx, filename: "xxe.docx", mime: MIME.docx }).then(
      () => { throw new Error("expected a rejection"); },
      (err: Error) => err,
    );
    expect(error.message).toMatch(/its part "word\/document.xml" declares a DTD/);
    expect(error.message).not.toMatch(/root:/);
    // Even without the guard, mammoth's XML parser refuses the unknown entity rather than resolving it.
    await expect(parseDocx(docx, "xxe")).rejects.toThrow("The file is not a valid Word (.docx) document.");
  });
});
