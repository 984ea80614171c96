import type * as PdfJs from "pdfjs-dist";

let loading: Promise<typeof PdfJs> | undefined;

/**
 * pdf.js and its worker, started once per page load and shared by every document opened in it.
 * pdf.js asks for a file only once its worker is up, and the worker first parses about 1.2 MB of
 * script: started when the viewer's code first runs (while the page hydrates), that parse no
 * longer waits for hydration, and the file is fetched beside it (see pdf-view).
 */
export function pdfJs(): Promise<typeof PdfJs> {
  loading ??= (async () => {
    // The worker is a module of its own: Turbopack bundles `new Worker(new URL(...))` as a separate
    // entry and serves it from our origin, so no copy in public/ and no CDN.
    const port = new Worker(new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url), { type: "module" });
    const pdfjs = await import("pdfjs-dist");
    pdfjs.GlobalWorkerOptions.workerPort = port;
    return pdfjs;
  })();
  return loading;
}
