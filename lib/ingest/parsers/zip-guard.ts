/**
 * Everything between an uploaded Office file (DOCX, PPTX, XLSX: all zip packages) and a parser.
 *
 * checkZip reads the zip's central directory itself (PKWARE APPNOTE 4.3.12-16: a few fixed-size
 * records, simpler to check than a library's view of them), rejects a zip bomb by the sizes it
 * declares, then inflates every entry once with a hard output limit, discarding the output, to prove
 * the real sizes are no larger: a forged directory cannot smuggle gigabytes past the limits, and
 * overlapping entries are counted each time they would be expanded. It also rejects XML parts
 * that declare a DTD, which Office never writes (ISO/IEC 29500-2 forbids DTDs in packages) and
 * which is the only way to external entities (XXE).
 *
 * openOfficeZip gives the PPTX and XLSX parsers the checked parts and parses XML safely.
 */
import { posix } from "node:path";
import { inflateRawSync } from "node:zlib";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { UnprocessableDocumentError } from "../errors";

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Number((bytes / MB).toFixed(2))} MB`;
export const ZIP_LIMITS = { maxEntries: 2000, maxEntryBytes: 50 * MB, maxTotalBytes: 200 * MB, maxRatio: 100, ratioFromBytes: 1 * MB };
export type ZipLimits = typeof ZIP_LIMITS;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods Office uses. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size; checkZip has proven the data expands to no more. */
  size: number;
  /** Offset of the entry's data in the file. */
  dataStart: number;
}

const bomb = (what: string) =>
  new UnprocessableDocumentError(`The file looks like a zip bomb: ${what}. It was not processed; if it is a genuine document, split it into smaller files.`);
const damaged = (cause?: unknown) =>
  new UnprocessableDocumentError("The file is not a valid Office document: its zip structure is damaged or incomplete.", { cause });
const dtd = (name: string) =>
  new UnprocessableDocumentError(`The file was rejected: its part "${name}" declares a DTD (<!DOCTYPE>), which Office documents never contain and which can be used to read files from the server.`);

/** Throws UnprocessableDocumentError unless the bytes are a zip that is safe to unpack. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  const entries = readCentralDirectory(bytes, limits);
  for (const entry of entries) inflateChecked(bytes, entry);
  return entries;
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const zip64 = () =>
    new UnprocessableDocumentError("The file uses ZIP64 extensions, which no Office document of an uploadable size needs. Save it again from Office and upload the new copy.");
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KB.
  let eocd = -1;
  if (bytes.length < 22) throw damaged();
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff) && eocd < 0; at--) if (u32(at) === 0x06054b50) eocd = at;
  if (eocd < 0) throw damaged();
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw zip64();
  const n = (x: number) => x.toLocaleString("en-US");
  if (count > limits.maxEntries) throw bomb(`it has ${n(count)} parts, more than the ${n(limits.maxEntries)} a real Office document could have`);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw damaged();
    const [flags, method, compressedSize, size, local] = [u16(at + 8), u16(at + 10), u32(at + 20), u32(at + 24), u32(at + 42)];
    const nameEnd = at + 46 + u16(at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, nameEnd));
    at = nameEnd + u16(at + 30) + u16(at + 32);
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) throw zip64();
    if (size > limits.maxEntryBytes) throw bomb(`its part "${name}" would expand to more than ${mb(limits.maxEntryBytes)}`);
    if ((total += size) > limits.maxTotalBytes) throw bomb(`it would expand to more than ${mb(limits.maxTotalBytes)}`);
    if (size > limits.ratioFromBytes && size > compressedSize * limits.maxRatio) {
      throw bomb(`its part "${name}" is compressed more than ${limits.maxRatio} to 1`);
    }
    if (flags & 1 || (method !== 0 && method !== 8)) {
      throw new UnprocessableDocumentError(`The file is not a valid Office document: its part "${name}" is encrypted or uses an unknown compression method.`);
    }
    // Data starts after the local header, whose name and extra field lengths may differ from the directory's.
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) throw damaged();
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + compressedSize > bytes.length) throw damaged();
    entries.push({ name, method, compressedSize, size, dataStart });
  }
  return entries;
}

const DOCTYPE = Buffer.from("<!DOCTYPE");
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Native zlib with maxOutputLength stops with ERR_BUFFER_TOO_LARGE as soon as the output outgrows
 * the declared size, so at most the declared (already checked) size is ever allocated.
 */
function inflateChecked(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const outgrown = () => bomb(`its part "${entry.name}" expands to more than the size its zip directory declares`);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  let out = data;
  if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (err) {
      throw (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? outgrown() : damaged(err);
    }
  }
  if (out.length > entry.size) throw outgrown();
  if (isXmlPart(entry.name) && out.includes(DOCTYPE)) throw dtd(entry.name);
  return out;
}

/** A checked Office package: its parts by name (case-insensitive, as OPC part names are). */
export interface OfficeZip {
  names: string[];
  text(name: string): string | undefined;
  /** The part's root element, parsed without DTDs or entity expansion. */
  xml(name: string): Element | undefined;
  /** The part's relationships by id, targets resolved to part names; external targets are left out. */
  rels(name: string): Map<string, { type: string; target: string }>;
}

export function openOfficeZip(bytes: Uint8Array): OfficeZip {
  const entries = new Map(checkZip(bytes).map((e) => [e.name.toLowerCase(), e]));
  const text = (name: string) => {
    const entry = entries.get(name.toLowerCase());
    if (!entry) return undefined;
    const source = decodeXml(inflateChecked(bytes, entry));
    // Again on the decoded text: a UTF-16 part hides its DOCTYPE from checkZip's byte scan.
    if (isXmlPart(name) && source.includes("<!DOCTYPE")) throw dtd(name);
    return source;
  };
  const xml = (name: string) => {
    const source = text(name);
    return source === undefined ? undefined : parseXml(source, name);
  };
  const rels = (name: string) => {
    const dir = posix.dirname(name);
    const map = new Map<string, { type: string; target: string }>();
    const root = xml(posix.join(dir, "_rels", `${posix.basename(name)}.rels`));
    for (const rel of children(root, "Relationship")) {
      const target = rel.getAttribute("Target");
      if (rel.getAttribute("TargetMode") === "External" || !target) continue;
      const path = target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(dir, target));
      map.set(rel.getAttribute("Id") ?? "", { type: rel.getAttribute("Type") ?? "", target: safeDecode(path) });
    }
    return map;
  };
  return { names: [...entries.values()].map((e) => e.name), text, xml, rels };
}

/** OPC allows UTF-8 or UTF-16 XML; TextDecoder drops the byte-order mark. */
function decodeXml(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  return new TextDecoder(encoding).decode(bytes);
}

/** xmldom never fetches external entities; DTDs are refused outright all the same, for XML from anywhere. */
export function parseXml(source: string, name: string): Element {
  if (source.includes("<!DOCTYPE")) throw dtd(name);
  try {
    const onError = (level: string, message: string) => {
      if (level !== "warning") throw new Error(message);
    };
    const root = new DOMParser({ onError }).parseFromString(source, "text/xml").documentElement;
    if (!root) throw new Error("no root element");
    return root;
  } catch (err) {
    throw new UnprocessableDocumentError(`The file is not a valid Office document: its part "${name}" is not well-formed XML.`, { cause: err });
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Child elements by local name, so the namespace prefix a producer chose does not matter. */
export function children(el: Element | undefined, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = el?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).localName === localName) found.push(node as Element);
  }
  return found;
}

/** The first element along a path of child local names. */
export function child(el: Element | undefined, ...path: string[]): Element | undefined {
  return path.reduce<Element | undefined>((at, name) => children(at, name)[0], el);
}

/** Descendant elements by local name, in document order. */
export function descendants(el: Element | undefined, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = el?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    if ((node as Element).localName === localName) found.push(node as Element);
    found.push(...descendants(node as Element, localName));
  }
  return found;
}

/** r:id, whatever prefix the producer bound to the relationships namespace (Strict OOXML uses another URI). */
export function relId(el: Element): string | undefined {
  for (const attr of Array.from(el.attributes)) if (attr.localName === "id" && attr.namespaceURI?.includes("relationships")) return attr.value;
  return undefined;
}

/** The document's title from docProps/core.xml, if it has a non-empty one. */
export function coreTitle(zip: OfficeZip): string | undefined {
  const root = zip.xml("docProps/core.xml");
  return children(root, "title")[0]?.textContent?.replace(/\s+/g, " ").trim() || undefined;
}
