import { randomBytes } from "node:crypto";
import os from "node:os";
import { expect, test, type Page } from "@playwright/test";
import { SourcePage } from "./pages/source";
import { chunkContaining, signInAdmin, upload, type Account, type Uploaded } from "./support/api";
import { pagedPdf, pdfWithTable } from "./support/files";
import { asDocx, asHtml, asMarkdown, asPptx, asXlsx, type PolicyContent } from "./support/policy-files";

/*
 * The source viewer shows each format's structure: tables as tables and lists as lists, with the
 * cited passage marked inside them; and a citation deep into a long PDF opens highlighted quickly.
 */

test.describe.configure({ mode: "serial" });
const stamp = randomBytes(3).toString("hex");
let admin: Account;

test.beforeAll(async ({ browser }) => {
  admin = await signInAdmin(browser);
});
test.afterAll(async () => {
  await admin.context.close();
});

const viewerLink = (documentId: string, versionId: string, chunkId: string) => `/sources/${documentId}/${versionId}?chunk=${chunkId}`;

/** One policy in every format the viewer shows as text: each must show the same table and lists. */
const POLICY: PolicyContent = {
  title: `Leave Allowances ${stamp}`,
  intro: "Annual leave depends on the length of service.",
  table: [
    ["Years of service", "Days of leave"],
    ["Under 5", "25 days"],
    ["5 to 10", "28 days"],
    ["Over 10", "30 days"],
  ],
  lists: [
    {
      lead: "To request leave:",
      ordered: false,
      items: [
        { text: "Ask your manager in writing" },
        { text: "Record the dates in the HR portal", sub: { ordered: true, items: ["Open the calendar", "Choose the days"] } },
        { text: "Hand over urgent work" },
      ],
    },
    {
      lead: "To carry days over:",
      ordered: true,
      items: [{ text: "Fill in the carry-over form", sub: { ordered: false, items: ["At most five days", "Before the end of March"] } }, { text: "Send it to HR" }],
    },
  ],
};

const OFFICE = "application/vnd.openxmlformats-officedocument";
const FORMATS = [
  { format: "Markdown", file: async () => ({ name: `leave-${stamp}.md`, content: asMarkdown(POLICY), mimeType: "text/markdown" }) },
  { format: "HTML", file: async () => ({ name: `leave-${stamp}.html`, content: asHtml(POLICY), mimeType: "text/html" }) },
  { format: "DOCX", file: async () => ({ name: `leave-${stamp}.docx`, content: await asDocx(POLICY), mimeType: `${OFFICE}.wordprocessingml.document` }) },
  { format: "PPTX", file: async () => ({ name: `leave-${stamp}.pptx`, content: Buffer.from(asPptx(POLICY)), mimeType: `${OFFICE}.presentationml.presentation` }) },
  // A workbook's sheet is its table; it has no lists.
  { format: "XLSX", file: async () => ({ name: `leave-${stamp}.xlsx`, content: Buffer.from(asXlsx(POLICY)), mimeType: `${OFFICE}.spreadsheetml.sheet` }), tableOnly: true },
];

const PDF_ROWS = [
  ["City", "Lodging", "Breakfast", "Lunch", "Dinner"],
  ["Lisbon", "160 euros", "14 euros", "18 euros", "30 euros"],
  ["Oslo", "210 euros", "20 euros", "25 euros", "45 euros"],
  ["Vienna", "175 euros", "15 euros", "19 euros", "32 euros"],
];

// Every document of the format tests, uploaded and indexed side by side before the first of them.
const uploaded = new Map<string, Uploaded>();
test.beforeAll(async () => {
  const pdf = async () => ({
    name: `travel-${stamp}.pdf`,
    content: await pdfWithTable(`Travel Rates ${stamp}`, "Lodging and meal allowances for business travel are set per city.", PDF_ROWS),
    mimeType: "application/pdf",
  });
  const files = [...FORMATS, { format: "PDF", file: pdf }];
  const docs = await Promise.all(files.map(async ({ file }) => upload(admin.request, await file())));
  files.forEach(({ format }, i) => uploaded.set(format, docs[i]!));
});

for (const { format, tableOnly } of FORMATS) {
  test(`${format}: the table renders as a table with header cells${tableOnly ? "" : ", the lists as lists with their nested lists inside their items"}, the cited passage marked inside them`, async () => {
    const page = admin.page;
    const source = new SourcePage(page);
    const doc = uploaded.get(format)!;
    await page.goto(viewerLink(doc.documentId, doc.versionId, await chunkContaining(doc.versionId, "28 days")));
    await source.expectTable(POLICY.table, "28 days");
    await expectNoMarkdownSyntax(page);
    if (tableOnly) return;
    for (const list of POLICY.lists) {
      // The last item of the nested list: marked where a citation of it is, inside its item.
      const cited = list.items.flatMap((item) => item.sub?.items ?? []).at(-1)!;
      await page.goto(viewerLink(doc.documentId, doc.versionId, await chunkContaining(doc.versionId, cited)));
      await source.expectList(list, cited);
    }
    await expectNoMarkdownSyntax(page);
  });
}

test("a PDF table reads as a table in the text view, with the cited row marked, at both widths and in both themes", async () => {
  const page = admin.page;
  const doc = uploaded.get("PDF")!;
  const link = viewerLink(doc.documentId, doc.versionId, await chunkContaining(doc.versionId, "Oslo"));
  const headerColours = new Map<string, string>();
  for (const [width, theme] of [[1280, "light"], [390, "light"], [1280, "dark"], [390, "dark"]] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(link);
    await page.getByRole("button", { name: "Text" }).click();

    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader")).toHaveText(PDF_ROWS[0]!);
    await expect(table.getByRole("row", { name: "Oslo 210 euros 20 euros 25 euros 45 euros" })).toBeVisible();
    await expect(table.getByTestId("cited-passage").filter({ hasText: "Oslo" }).first()).toBeInViewport();
    // On a phone the table scrolls inside its own box; the page never gets wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width} px, ${theme}`).toBe(true);
    headerColours.set(theme, await table.getByRole("columnheader").first().evaluate((th) => getComputedStyle(th).backgroundColor));
    await expectNoMarkdownSyntax(page);
  }
  expect(headerColours.get("dark")).not.toBe(headerColours.get("light"));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: null });
});

test("a PDF page whose drawing fails is drawn again once; a page that still fails says so and offers the text", async () => {
  const doc = uploaded.get("PDF")!;
  const link = viewerLink(doc.documentId, doc.versionId, await chunkContaining(doc.versionId, "Oslo"));
  // pdf.js draws on the page's canvas through its 2D context: refusing it makes that drawing fail.
  const refuseCanvas = (times: number) => {
    let left = times;
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof getContext>) {
      if (this.hasAttribute("data-rendered") && left-- > 0) throw new Error("canvas refused by the test");
      return getContext.apply(this, args);
    } as typeof getContext;
  };

  const once = await admin.context.newPage();
  await once.addInitScript(refuseCanvas, 1);
  await once.goto(link);
  const drawn = await new SourcePage(once).expectPdfHighlight(/Oslo/);
  await expect(drawn.getByRole("alert")).toHaveCount(0);
  await once.close();

  const always = await admin.context.newPage();
  await always.addInitScript(refuseCanvas, 1_000);
  await always.goto(link);
  const cited = always.getByRole("region", { name: "Page 1", exact: true });
  await expect(cited.getByRole("alert")).toHaveText(/Page 1 could not be drawn/);
  await cited.getByRole("button", { name: "Show the document as text" }).click();
  await expect(always.getByRole("table").getByTestId("cited-passage").filter({ hasText: "Oslo" }).first()).toBeInViewport();
  await always.close();
});

const PAGES = 109;
const CITED_PAGE = 97;
const OPENINGS = 5;

test("a citation into page 97 of a 109-page PDF shows its highlight within 2 s", async () => {
  test.setTimeout(240_000);
  const page = admin.page;
  const pages = Array.from({ length: PAGES }, (_, i) => {
    const n = i + 1;
    return Array.from({ length: 6 }, (_, p) =>
      `Section ${n}.${p + 1}. Page ${n} explains rule ${p + 1} of the handbook: employees record their hours weekly, ` +
      `managers approve them within ${n + p} days, and payroll closes on the last working day of the month.`,
    ).concat(n === CITED_PAGE ? [`Late claim clause ${stamp}: expenses submitted after ninety days are refunded only with a director's approval.`] : []);
  });
  const doc = await upload(admin.request, { name: `handbook-${stamp}.pdf`, content: await pagedPdf(`Handbook ${stamp}`, pages), mimeType: "application/pdf" });
  const link = viewerLink(doc.documentId, doc.versionId, await chunkContaining(doc.versionId, `Late claim clause ${stamp}`));

  await page.addInitScript(recordHighlightTime);
  const timings: Record<"server" | "file" | "opened" | "marked" | "drawn" | "highlight", number>[] = [];
  for (let i = 0; i < OPENINGS; i++) {
    await page.goto(link, { waitUntil: "commit" });
    const seen = await (await page.waitForFunction(() => (window as { __viewer?: Record<string, number> }).__viewer, null, { timeout: 30_000 })).jsonValue() ?? {};
    const [server, file] = await page.evaluate(() => [
      (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd,
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((r) => r.name.endsWith("/file"))?.responseEnd ?? 0,
    ]);
    const all = { server: server!, file: file!, opened: seen.opened ?? 0, marked: seen.marked ?? 0, drawn: seen.drawn ?? 0, highlight: seen.highlight ?? 0 };
    timings.push(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Math.round(v)])) as (typeof timings)[number]);
  }
  const source = new SourcePage(page);
  const marked = await source.expectPdfHighlight(/Late claim clause/);
  await expect(marked).toHaveAccessibleName(`Page ${CITED_PAGE}`);

  const median = (key: keyof (typeof timings)[number]) => [...timings.map((t) => t[key])].sort((x, y) => x - y)[Math.floor(timings.length / 2)]!;
  // Where the time goes, in ms since navigation: the page's HTML (server), the PDF file fetched,
  // the PDF opened by pdf.js, the passage located, the cited page drawn, the highlight on screen.
  console.log(`viewer, ${PAGES}-page PDF, cited page ${CITED_PAGE}, ${OPENINGS} openings:`);
  for (const key of ["server", "file", "opened", "marked", "drawn", "highlight"] as const) {
    console.log(`  ${key.padEnd(9)} ${timings.map((t) => String(t[key]).padStart(5)).join(" ")}   median ${median(key)}`);
  }
  // The goal, asserted on the median of the openings: in the last four CI runs on a clean
  // clone it was 483-562 ms (load average 2.8-4.1 on 2 CPUs); it took 19 s before the viewer loaded
  // pages around the cited one. A development machine loaded with parallel builds can miss it
  // (3.5-5.7 s at load 9-17; docs/viewer-speed.md), so the load is printed beside the figures.
  console.log(`  load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
  expect(median("highlight")).toBeLessThan(2_000);
});

/**
 * Runs in the page before its scripts: notes the times (ms since navigation) when the PDF opened
 * (its pages are laid out), when the cited page was drawn, and when the cited passage's highlight
 * was first on screen over it.
 */
function recordHighlightTime() {
  const w = window as { __viewer?: Record<string, number> };
  const times: Record<string, number> = {};
  const check = () => {
    const now = performance.now();
    if (!times.opened && document.querySelector('section[aria-label^="Page "]')) times.opened = now;
    const mark = document.querySelector('[data-testid="cited-passage"]:not([data-whole-page])');
    const drawn = mark?.closest("section")?.querySelector('canvas[data-rendered="true"]');
    if (!times.marked && mark) times.marked = now;
    if (!times.drawn && drawn) times.drawn = now;
    const box = mark?.getBoundingClientRect();
    if (drawn && box && box.width > 0 && box.bottom > 0 && box.top < window.innerHeight) w.__viewer = { ...times, highlight: now };
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** No table rule or list marker left as text: the structure was read, not shown raw. */
async function expectNoMarkdownSyntax(page: Page) {
  await expect(page.getByText("| ---")).toHaveCount(0);
  await expect(page.getByText(/^\s*(?:-|\d+\.) \S/)).toHaveCount(0);
}
