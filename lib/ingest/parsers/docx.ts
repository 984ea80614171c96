import mammoth from "mammoth";
import type { ParsedDocument } from "../document-model";
import { UnprocessableDocumentError } from "../errors";
import { parseHtml } from "./html";

/**
 * Word's "Title" and "Subtitle" paragraph styles are not headings to mammoth, so a document's title
 * would otherwise come out as a plain paragraph. Mapping them keeps the title as the first heading.
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** DOCX via mammoth's semantic HTML (headings, lists, tables), then the shared HTML walker. */
export async function parseDocx(bytes: Uint8Array, fallbackTitle: string): Promise<ParsedDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images are not indexed; an empty src keeps mammoth from inlining them as base64 data.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    html = result.value;
  } catch (err) {
    // mammoth's own messages talk about zip central directories and body elements.
    throw new UnprocessableDocumentError("The file is not a valid Word (.docx) document.", { cause: err });
  }
  const doc = parseHtml(html, fallbackTitle);
  // Mammoth's HTML has no <title>; the first heading of any level is the best stand-in.
  const firstHeading = doc.blocks.find((b) => b.kind === "heading");
  return { ...doc, title: firstHeading?.text ?? fallbackTitle };
}
