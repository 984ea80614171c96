"use client";

import { useEffect, useRef, useState } from "react";
import type { PageViewport, PDFDocumentProxy } from "pdfjs-dist";
import type { PageHighlight, PdfRect } from "./pdf-highlight";

interface Props {
  doc: PDFDocumentProxy;
  number: number;
  scale: number;
  /** Size to reserve before the page is drawn (the first page's), so scrolling stays stable. */
  estimate: { width: number; height: number };
  /** The cited passage's part on this page; "page" when it is here but could not be located. */
  highlight: PageHighlight | "page" | null;
  /** The cited sentences on this page, marked more strongly; the first is scrolled to. */
  sentences: PageHighlight[];
  /** The page the citation points at: drawn at once and scrolled to. */
  cited: boolean;
  /** Whether this page may be drawn once near the screen: the others wait for the cited page. */
  mayDraw: boolean;
  /** Called once this page is drawn, or could not be (so the pages waiting for it go on). */
  onDrawn?: () => void;
  /** Shows the document as text: offered on a page that could not be drawn. */
  onShowText: () => void;
}

/** One page: a placeholder until it nears the screen, then a canvas with the highlight above it. */
export function PdfPage({ doc, number, scale, estimate, highlight, sentences, cited, mayDraw, onDrawn, onShowText }: Props) {
  const box = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const mark = useRef<HTMLDivElement>(null);
  const sentence = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(cited);
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  const [rendered, setRendered] = useState(false);
  const [failed, setFailed] = useState(false);
  // A render that fails is tried once more, on a new canvas, before the page says it could not be drawn.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (cited) box.current?.scrollIntoView({ block: "start" });
  }, [cited]);

  useEffect(() => {
    if (near || !box.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "100% 0px" });
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near || !mayDraw) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let cancelled = false;
    const fail = (error: unknown) => {
      if (cancelled) return;
      console.error(`Page ${number} could not be drawn`, error);
      if (attempt === 0) setAttempt(1);
      else setFailed(true);
    };
    doc.getPage(number).then(async (page) => {
      if (cancelled || !canvas.current) return;
      const vp = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.current.width = Math.floor(vp.width * ratio);
      canvas.current.height = Math.floor(vp.height * ratio);
      setViewport(vp);
      task = page.render({ canvas: canvas.current, viewport: vp, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      // A cancelled task (the page left the tree) rejects too; `fail` ignores it.
      await task.promise.then(() => !cancelled && setRendered(true), fail);
    }).catch(fail);
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [near, mayDraw, doc, number, scale, attempt]);

  useEffect(() => {
    if (rendered || failed) onDrawn?.();
  }, [rendered, failed, onDrawn]);

  // The marks can arrive after the page is drawn (the passage is located while it is drawn).
  useEffect(() => {
    if (rendered && cited) (sentence.current ?? mark.current)?.scrollIntoView({ block: "center" });
  }, [rendered, cited, highlight, sentences]);

  const width = viewport?.width ?? estimate.width;
  const height = viewport?.height ?? estimate.height;
  return (
    <section ref={box} aria-label={`Page ${number}`} className="scroll-mt-4">
      <p className="mb-1 text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Page {number}</p>
      <div className="relative bg-white shadow ring-1 ring-zinc-200 dark:ring-zinc-800" style={{ width, height }}>
        <canvas key={attempt} ref={canvas} data-rendered={rendered} aria-hidden style={{ width, height }} className="block" />
        {failed && (
          <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center text-sm text-zinc-700">
            <p>Page {number} could not be drawn.</p>
            <button type="button" onClick={onShowText} className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100">
              Show the document as text
            </button>
          </div>
        )}
        {viewport && highlight === "page" && (
          <div ref={mark} data-testid="cited-passage" data-whole-page className="pointer-events-none absolute inset-0 bg-yellow-300/20 ring-4 ring-yellow-400">
            <span className="absolute left-2 top-2 rounded bg-yellow-300 px-2 py-1 text-xs font-medium text-zinc-900">
              The cited passage is on this page; its exact place could not be found.
            </span>
          </div>
        )}
        {viewport && highlight && highlight !== "page" && <Marks ref={mark} highlight={highlight} viewport={viewport} />}
        {viewport &&
          sentences.map((s, i) => <Marks key={i} ref={i === 0 ? sentence : undefined} highlight={s} viewport={viewport} strong />)}
      </div>
    </section>
  );
}

interface MarksProps {
  highlight: PageHighlight;
  viewport: PageViewport;
  ref?: React.Ref<HTMLDivElement>;
  /** A cited sentence: a stronger mark over the passage's lighter one. */
  strong?: boolean;
}

function Marks({ highlight, viewport, ref, strong = false }: MarksProps) {
  const rects = highlight.rects.map((r) => toScreen(r, viewport));
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.left + r.width));
  const bottom = Math.max(...rects.map((r) => r.top + r.height));
  return (
    <div
      ref={ref}
      data-testid={strong ? "cited-sentence" : "cited-passage"}
      className="pointer-events-none absolute"
      style={{ left, top, width: right - left, height: bottom - top }}
    >
      {rects.map((r, i) => (
        <span
          key={i}
          aria-hidden
          className={`absolute rounded-sm mix-blend-multiply ${strong ? "bg-amber-400/60 ring-1 ring-amber-500" : "bg-yellow-200/40"}`}
          style={{ left: r.left - left, top: r.top - top, width: r.width, height: r.height }}
        />
      ))}
      <mark className="sr-only">{highlight.text}</mark>
    </div>
  );
}

function toScreen([x0, y0, x1, y1]: PdfRect, viewport: PageViewport) {
  const [ax, ay] = viewport.convertToViewportPoint(x0, y0) as [number, number];
  const [bx, by] = viewport.convertToViewportPoint(x1, y1) as [number, number];
  return { left: Math.min(ax, bx), top: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}
