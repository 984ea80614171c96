"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { MIN_MATCH_CHARS, passageKey } from "@/lib/sources/pdf-passage";
import { highlightOnPage, type PageHighlight } from "./pdf-highlight";
import { PdfPage } from "./pdf-page";
import { pdfJs } from "./pdfjs";

interface Props {
  fileUrl: string;
  /** The page the cited passage starts on, and its text (from the document model). */
  page: number | null;
  passage: string | null;
  /** The cited sentences (in document order) and the page each is on: marked more strongly, the first scrolled to. */
  sentences: { page: number; text: string }[];
  /** The same document rendered as text, offered beside the pages and used when they cannot be drawn. */
  textView: ReactNode;
}

type Loaded = {
  doc: PDFDocumentProxy;
  scale: number;
  size: { width: number; height: number };
};

type Located = {
  highlights: Map<number, PageHighlight | "page">;
  strong: Map<number, PageHighlight[]>;
};

const NO_SENTENCES: PageHighlight[] = [];

// Started as soon as this code runs in the browser, not after hydration (see pdfjs.ts); a failure
// is reported by the viewer that awaits it.
if (typeof window !== "undefined") pdfJs().catch(() => undefined);

/** The file's bytes, fetched beside pdf.js's start-up rather than after it. */
async function fetchPdf(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`The PDF could not be fetched (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The PDF's pages drawn with pdf.js, scrolled to the cited page, with the cited passage marked on
 * the page. Pages are drawn only as they come near the screen, and only once the cited page is
 * drawn; the passage is located in that page's text while it is drawn. Where the passage cannot be
 * located in the page's text, the whole page is marked and says so.
 */
export function PdfView({ fileUrl, page: passagePage, passage, sentences, textView }: Props) {
  // The page shown first: the cited sentence's, else the passage's.
  const page = sentences[0]?.page ?? passagePage;
  // A stable dependency: the sentences array is new on every render of the server page.
  const sentenceKey = JSON.stringify(sentences);
  const container = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<"pages" | "text">("pages");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [located, setLocated] = useState<Located | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The cited page is drawn alone first: its neighbours (several are near the screen at once)
  // would otherwise share the one pdf.js worker with it while the reader waits for the highlight.
  const [citedDrawn, setCitedDrawn] = useState(page === null);
  const onCitedDrawn = useCallback(() => setCitedDrawn(true), []);
  const showText = useCallback(() => setMode("text"), []);

  useEffect(() => {
    let cancelled = false;
    let doc: PDFDocumentProxy | null = null;
    const aborted = new AbortController();
    (async () => {
      const [pdfjs, data] = await Promise.all([pdfJs(), fetchPdf(fileUrl, aborted.signal)]);
      doc = await pdfjs.getDocument({ data }).promise;
      const first = (await doc.getPage(page ?? 1)).getViewport({ scale: 1 });
      const scale = Math.min(2, (container.current?.clientWidth ?? first.width) / first.width);
      if (cancelled) return;
      setLoaded({ doc, scale, size: { width: first.width * scale, height: first.height * scale } });
      const highlights = passage && passagePage ? await locate(doc, passagePage, passageKey(passage)) : new Map();
      const strong = await locateSentences(doc, JSON.parse(sentenceKey) as Props["sentences"]);
      if (!cancelled) setLocated({ highlights, strong });
    })().catch((err: unknown) => {
      if (cancelled) return;
      console.error(err);
      setError("The pages of this PDF could not be drawn here; its text is shown instead.");
      setMode("text");
    });
    return () => {
      cancelled = true;
      aborted.abort();
      void doc?.loadingTask.destroy();
    };
  }, [fileUrl, page, passagePage, passage, sentenceKey]);

  return (
    <div ref={container}>
      <div role="group" aria-label="View" className="mb-3 flex gap-1 text-sm">
        {(["pages", "text"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className="rounded-md border border-zinc-300 px-3 py-1 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
          >
            {m === "pages" ? "Pages" : "Text"}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {error}
        </p>
      )}
      {mode === "text" ? (
        textView
      ) : !loaded ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
          Loading pages…
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          {Array.from({ length: loaded.doc.numPages }, (_, i) => i + 1).map((n) => (
            <PdfPage
              key={n}
              doc={loaded.doc}
              number={n}
              scale={loaded.scale}
              estimate={loaded.size}
              highlight={located?.highlights.get(n) ?? null}
              sentences={located?.strong.get(n) ?? NO_SENTENCES}
              cited={n === page}
              mayDraw={citedDrawn || n === page || !page || page > loaded.doc.numPages}
              onDrawn={n === page ? onCitedDrawn : undefined}
              onShowText={showText}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** The passage from its first page on, continuing onto the next pages while they carry on its text. */
async function locate(doc: PDFDocumentProxy, first: number, key: string) {
  const found = new Map<number, PageHighlight | "page">();
  let rest = key;
  for (let n = first; rest.length > 0 && n <= doc.numPages; n++) {
    const { highlight, consumed } = await highlightOnPage(await doc.getPage(n), rest);
    if (consumed < Math.min(MIN_MATCH_CHARS, rest.length)) break;
    found.set(n, highlight);
    rest = rest.slice(consumed);
  }
  if (!found.has(first)) found.set(first, "page");
  return found;
}

/** Each cited sentence on its page, kept only where it was found whole (a part would mislead more than no mark). */
async function locateSentences(doc: PDFDocumentProxy, sentences: Props["sentences"]) {
  const found = new Map<number, PageHighlight[]>();
  for (const { page, text } of sentences) {
    if (page > doc.numPages) continue;
    const key = passageKey(text);
    const { highlight, consumed } = await highlightOnPage(await doc.getPage(page), key);
    if (key.length > 0 && consumed === key.length) found.set(page, [...(found.get(page) ?? []), highlight]);
  }
  return found;
}
