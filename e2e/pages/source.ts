import { expect, type Page } from "@playwright/test";

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

  pdfPage(n: number) {
    return this.page.getByRole("region", { name: `Page ${n}`, exact: true });
  }

  /** The PDF page holding the highlight, once pdf.js has drawn it. */
  async expectPdfHighlight(text: RegExp) {
    const marked = this.page.getByRole("region", { name: /^Page \d+$/ }).filter({ has: this.highlight() }).first();
    await expect(marked.locator("canvas")).toHaveAttribute("data-rendered", "true", { timeout: 20_000 });
    // Drawn: the canvas has pixels that are not the blank page.
    expect(await marked.locator("canvas").evaluate(inkedPixels)).toBeGreaterThan(500);
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
