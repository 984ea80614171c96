import { expect, type Page } from "@playwright/test";
import type { PolicyList } from "../support/policy-files";

/** The source viewer (app/sources/[documentId]/[versionId]). */
export class SourcePage {
  constructor(private readonly page: Page) {}

  highlight() {
    return this.page.getByTestId("cited-passage");
  }

  /** The cited sentences, marked more strongly inside the passage. */
  sentence() {
    return this.page.getByTestId("cited-sentence");
  }

  /**
   * The table holding the cited cell reads as one: `rows[0]` as its column headers, every body row
   * whole, and the cited passage marked inside it and scrolled into view.
   */
  async expectTable(rows: string[][], cited: string) {
    const [header = [], ...body] = rows;
    const table = this.page.getByRole("table").filter({ has: this.page.getByRole("cell", { name: cited }) });
    await expect(table.getByRole("columnheader")).toHaveText(header);
    await expect(table.getByRole("row")).toHaveCount(rows.length);
    for (const row of body) await expect(table.getByRole("row", { name: row.join(" ") })).toBeVisible();
    await expect(table.getByTestId("cited-passage").filter({ hasText: cited }).first()).toBeInViewport();
  }

  /**
   * The list reads as one: a single <ol> or <ul> with the items in order, each sub-list a list of its
   * own inside its item, and the cited passage marked inside the list and scrolled into view.
   */
  async expectList(list: PolicyList, cited: string) {
    const tag = (ordered: boolean) => (ordered ? "OL" : "UL");
    const parent = list.items.find((item) => item.sub)!;
    const parentItem = this.page.getByRole("listitem").filter({ hasText: parent.text });
    const outer = parentItem.locator("xpath=..");
    await expect(outer).toHaveJSProperty("tagName", tag(list.ordered));
    // Direct items only: an item's text runs on into its sub-list's.
    await expect(outer.locator(":scope > li")).toHaveText(list.items.map((item) => (item.sub ? new RegExp(`^${RegExp.escape(item.text)}`) : item.text)));
    const sub = parentItem.getByRole("list");
    await expect(sub).toHaveJSProperty("tagName", tag(parent.sub!.ordered));
    await expect(sub.getByRole("listitem")).toHaveText(parent.sub!.items);
    await expect(outer.getByTestId("cited-passage").filter({ hasText: cited }).first()).toBeInViewport();
  }

  pdfPage(n: number) {
    return this.page.getByRole("region", { name: `Page ${n}`, exact: true });
  }

  /** The PDF page holding the highlight, once pdf.js has drawn it. */
  async expectPdfHighlight(text: RegExp) {
    const marked = this.page.getByRole("region", { name: /^Page \d+$/ }).filter({ has: this.highlight() }).first();
    await expect(marked.locator("canvas")).toHaveAttribute("data-rendered", "true", { timeout: 20_000 });
    // Drawn: the canvas has dark pixels, which a blank page has none of. One short line of text at a
    // phone's width inks about 500, more or fewer with the glyphs of the stamp in it (497 once).
    expect(await marked.locator("canvas").evaluate(inkedPixels)).toBeGreaterThan(100);
    const highlight = marked.getByTestId("cited-passage");
    await expect(highlight).not.toHaveAttribute("data-whole-page");
    await expect(highlight).toBeVisible();
    await expect(highlight).toBeInViewport();
    await expect(highlight).toContainText(text);
    return marked;
  }
}

function inkedPixels(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) inked++;
  return inked;
}
