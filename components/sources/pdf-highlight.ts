import type { PDFPageProxy } from "pdfjs-dist";
import { matchPassage, type ItemRange } from "@/lib/sources/pdf-passage";

/** A highlight rectangle in PDF user space: [x0, y0, x1, y1], y upwards. */
export type PdfRect = [number, number, number, number];

export interface PageHighlight {
  rects: PdfRect[];
  /** The highlighted text as it appears on the page (for screen readers and tests). */
  text: string;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

// The passage and then its cited sentences are matched on the same page: its text is read once.
const pageItems = new WeakMap<PDFPageProxy, Promise<Item[]>>();

function itemsOf(page: PDFPageProxy): Promise<Item[]> {
  let items = pageItems.get(page);
  if (!items) {
    items = page.getTextContent().then((content) => content.items.filter((i): i is Item & typeof i => "str" in i) as Item[]);
    pageItems.set(page, items);
  }
  return items;
}

/** Matches the passage key on one page; rectangles cover the matched characters of each text item. */
export async function highlightOnPage(page: PDFPageProxy, key: string): Promise<{ highlight: PageHighlight; consumed: number }> {
  const items = await itemsOf(page);
  const { ranges, consumed } = matchPassage(items, key);
  return {
    highlight: { rects: ranges.map((r) => rectOf(items[r.item]!, r)), text: ranges.map((r) => items[r.item]!.str.slice(r.from, r.to)).join(" ") },
    consumed,
  };
}

/** The part of a horizontal text item covering the range; its width is shared out by character. */
function rectOf(item: Item, range: ItemRange): PdfRect {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
  const height = item.height || Math.hypot(c, d);
  const perChar = item.width / Math.max(1, item.str.length);
  // From a little below the baseline (descenders) to the top of capitals.
  return [x + perChar * range.from, y - height * 0.25, x + perChar * range.to, y + height * 0.9];
}
