import type { ParsedDocument } from "../document-model";
import { UnprocessableDocumentError } from "../errors";
import { stripDocument } from "../invisible";
import { titleFromFilename } from "../readable-title";
import { parseDocx } from "./docx";
import { parseHtml } from "./html";
import { parseMarkdown } from "./markdown";
import { parsePdf } from "./pdf";
import { parsePptx } from "./pptx";
import { normalizeText, parsePlainText } from "./text";
import { parseXlsx } from "./xlsx";
import { checkZip } from "./zip-guard";

export const MIME = {
  markdown: "text/markdown",
  text: "text/plain",
  html: "text/html",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const TEXT_EXTENSIONS: Record<string, string> = {
  md: MIME.markdown,
  markdown: MIME.markdown,
  txt: MIME.text,
  html: MIME.html,
  htm: MIME.html,
};

export interface ParseInput {
  bytes: Uint8Array;
  filename: string;
  mime: string;
}

/** Parses a stored file into the document model; throws an Error with a user-facing message on failure. */
export async function parseDocument({ bytes, filename, mime }: ParseInput): Promise<ParsedDocument> {
  // Used when the file names no title itself (no heading, no metadata): the one place titles are derived from names.
  const fallbackTitle = titleFromFilename(filename);
  // Invalid UTF-8 sequences past the sniffed prefix become U+FFFD rather than failing the document.
  const text = () => normalizeText(new TextDecoder("utf-8").decode(bytes));
  let doc: ParsedDocument;
  switch (mime) {
    case MIME.markdown: doc = parseMarkdown(text(), fallbackTitle); break;
    case MIME.text: doc = parsePlainText(text(), fallbackTitle); break;
    case MIME.html: doc = parseHtml(text(), fallbackTitle); break;
    case MIME.pdf: doc = await parsePdf(bytes, fallbackTitle); break;
    // Office files are zips: checked for zip bombs and DTDs before any parser unpacks them. Mammoth
    // opens the zip itself; the PPTX and XLSX parsers open it through the guard (openOfficeZip).
    case MIME.docx: checkZip(bytes); doc = await parseDocx(bytes, fallbackTitle); break;
    case MIME.pptx: doc = parsePptx(bytes, fallbackTitle); break;
    case MIME.xlsx: doc = parseXlsx(bytes, fallbackTitle); break;
    default: throw new UnprocessableDocumentError(`Unsupported document type: ${mime}`);
  }
  doc = stripDocument(doc);
  if (doc.blocks.length === 0) {
    const scanned = doc.pagesWithoutText?.length ? " The PDF seems to contain only scanned images; run OCR on it first." : "";
    throw new UnprocessableDocumentError(`No text could be extracted from this file.${scanned}`);
  }
  return doc;
}

/**
 * Detects the document type from the bytes first, so a renamed file is treated as what it is; the
 * extension only decides between text formats. Returns null for anything we cannot parse.
 */
export function detectMime(bytes: Uint8Array, filename: string): string | null {
  const head = latin1(bytes.subarray(0, 1024));
  // Readers tolerate junk before the PDF header; text that merely mentions "%PDF-" is not a PDF.
  const pdfAt = head.indexOf("%PDF-");
  if (pdfAt === 0 || (pdfAt > 0 && !isText(bytes))) return MIME.pdf;
  if (head.startsWith("PK\x03\x04")) {
    // Entry names are stored uncompressed in the zip headers, so a byte search finds each format's main part.
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (zip.includes("word/document.xml")) return MIME.docx;
    if (zip.includes("ppt/presentation.xml")) return MIME.pptx;
    if (zip.includes("xl/workbook.xml")) return MIME.xlsx;
    return null;
  }
  if (!isText(bytes)) return null;
  if (/^(\xEF\xBB\xBF)?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html)[\s>]/i.test(head)) return MIME.html;
  const ext = /\.([^./\\]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (ext && TEXT_EXTENSIONS[ext]) ?? null;
}

/** Text-like: no NUL bytes and valid UTF-8 in the first 8 KB (binary formats fail one or the other). */
function isText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return false;
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
