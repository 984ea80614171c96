import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { UnprocessableDocumentError } from "./errors";
import { idleParseThreads, parseIsolated } from "./isolated-parse";
import { MIME } from "./parsers";

const samplePdf = () => new Uint8Array(readFileSync(path.join(import.meta.dirname, "../samples/policies/expenses-policy.pdf")));
const markdown = (text: string) => ({ bytes: new TextEncoder().encode(text), filename: "notes.md", mime: MIME.markdown });

/** Markdown of about `mb` MB in realistic sections; mdast needs roughly 40x its size in heap. */
function largeMarkdown(mb: number) {
  const para = "Employees may claim travel expenses within thirty days of the trip, with receipts attached. ".repeat(5);
  const parts = ["# Handbook\n\n"];
  for (let size = 0, i = 0; size < mb * 1024 * 1024; i++) {
    const part = `${i % 20 === 0 ? `## Section ${i}\n\n` : ""}${para}\n\n`;
    parts.push(part);
    size += part.length;
  }
  return markdown(parts.join(""));
}

describe("parseIsolated", () => {
  // First in the file, so that no thread is kept from an earlier test with a real-time retirement.
  it("keeps a thread for the next file, and ends it once it has been idle for 15 s", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await parseIsolated(markdown("# One"));
      expect(idleParseThreads()).toBe(1);
      await parseIsolated(markdown("# Two")); // the kept thread, not a second one
      expect(idleParseThreads()).toBe(1);
      vi.advanceTimersByTime(14_000);
      expect(idleParseThreads()).toBe(1);
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(() => expect(idleParseThreads()).toBe(0));
    } finally {
      vi.useRealTimers();
    }
  });

  it("parses Markdown and PDF in a worker thread, the same as in-process", async () => {
    const md = await parseIsolated(markdown("# Leave Policy\n\n## Sick leave\n\nTen days a year."));
    expect(md.title).toBe("Leave Policy");
    expect(md.blocks.map((b) => b.text)).toEqual(["Leave Policy", "Sick leave", "Ten days a year."]);

    const pdf = await parseIsolated({ bytes: samplePdf(), filename: "expenses.pdf", mime: MIME.pdf });
    expect(pdf.pageCount).toBeGreaterThan(0);
    expect(pdf.blocks.length).toBeGreaterThan(5);
  });

  it("transfers a whole buffer instead of copying it, but never detaches a shared one", async () => {
    const own = new TextEncoder().encode("Own buffer.");
    await parseIsolated({ bytes: own, filename: "own.txt", mime: MIME.text });
    expect(own.byteLength).toBe(0); // handed over to the thread

    // Small Buffers are views into Node's shared pool: detaching that would corrupt other Buffers.
    const pooled = Buffer.from("Pooled buffer.");
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    expect((await parseIsolated({ bytes: pooled, filename: "pooled.txt", mime: MIME.text })).blocks[0]!.text).toBe("Pooled buffer.");
    expect(pooled.toString()).toBe("Pooled buffer.");
  });

  it("passes the parser's own verdict back as an UnprocessableDocumentError", async () => {
    const unsupported = parseIsolated({ bytes: new Uint8Array([1, 2, 3]), filename: "x.bin", mime: "application/x-unknown" });
    await expect(unsupported).rejects.toBeInstanceOf(UnprocessableDocumentError);
    await expect(unsupported).rejects.toThrow("Unsupported document type: application/x-unknown");
    const broken = parseIsolated({ bytes: new TextEncoder().encode("%PDF-1.7 nothing else"), filename: "broken.pdf", mime: MIME.pdf });
    await expect(broken).rejects.toThrow("The file is not a valid PDF (it may be damaged or incomplete).");
    await expect(parseIsolated(markdown("   \n\n  "))).rejects.toThrow(/No text could be extracted/);
  });

  it("stops a parse that runs past the time limit, promptly, and keeps working afterwards", async () => {
    // About 10 MB of Markdown takes several seconds to parse: genuinely slow input, no test hook.
    const slow = largeMarkdown(10);
    const started = performance.now();
    const outcome = parseIsolated(slow, { timeoutMs: 1000 });
    await expect(outcome).rejects.toBeInstanceOf(UnprocessableDocumentError);
    await expect(outcome).rejects.toThrow("Parsing took longer than 1 second and was stopped.");
    // Stopped at the limit, not when the parse would have finished.
    expect(performance.now() - started).toBeLessThan(4000);
    await expect(parseIsolated({ bytes: samplePdf(), filename: "e.pdf", mime: MIME.pdf }, { timeoutMs: 5 })).rejects.toThrow(
      "Parsing took longer than 0.005 seconds and was stopped.",
    );
    expect((await parseIsolated(markdown("Still fine."))).blocks).toHaveLength(1);
  });

  it("stops a parse that needs more memory than allowed, while a small file fits the same limit", async () => {
    // 64 MB: the thread itself (tsx, the parser libraries) needs about 20 MB, so a small file fits...
    expect((await parseIsolated(markdown("# Small\n\nFits easily."), { maxOldGenerationMb: 64 })).title).toBe("Small");
    // ...and ~8 MB of Markdown, whose syntax tree needs hundreds of MB, does not.
    const outcome = parseIsolated(largeMarkdown(8), { maxOldGenerationMb: 64 });
    await expect(outcome).rejects.toBeInstanceOf(UnprocessableDocumentError);
    await expect(outcome).rejects.toThrow("Parsing needed more than 64 MB of memory and was stopped.");
    // Below what the thread needs to start, every file fails with the same readable message.
    await expect(parseIsolated(markdown("tiny"), { maxOldGenerationMb: 8 })).rejects.toThrow("Parsing needed more than 8 MB of memory");
  });
});
