import { describe, expect, it } from "vitest";
import { parseHtml } from "./html";

const blocks = (html: string) => parseHtml(html, "fallback").blocks.map((b) => [b.kind, b.text]);

describe("parseHtml", () => {
  it("takes the title from <title>, else the first h1, else the fallback", () => {
    expect(parseHtml("<html><head><title> Handbook </title></head><body><h1>Other</h1></body></html>", "f").title).toBe("Handbook");
    expect(parseHtml("<h2>Sub</h2><h1>Main</h1>", "f").title).toBe("Main");
    expect(parseHtml("<p>text</p>", "f").title).toBe("f");
  });

  it("maps headings, paragraphs, lists, tables and pre blocks", () => {
    const html = `<h1>Policy</h1><p>Intro <b>bold</b> and <a href="#">link</a>.</p>
      <h2>Rules</h2>
      <ol start="2"><li>Second<ul><li>Nested <i>a</i></li></ul></li><li><p>Third</p><p>more</p></li></ol>
      <table><thead><tr><th>Level</th><th>Limit</th></tr></thead><tbody><tr><td>A</td><td><p>10</p></td></tr><tr><td>B|C</td></tr></tbody></table>
      <pre>line 1
  line 2</pre>`;
    const doc = parseHtml(html, "f");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["heading", "Policy"],
      ["paragraph", "Intro bold and link."],
      ["heading", "Rules"],
      ["list", "2. Second\n   - Nested a\n3. Third more"],
      ["table", "| Level | Limit |\n| --- | --- |\n| A | 10 |\n| B\\|C |  |"],
      ["code", "line 1\n  line 2"],
    ]);
    expect(doc.blocks[3]!.headingPath).toEqual(["Policy", "Rules"]);
  });

  it("lays spanning cells on the table's grid: grouped header names join, a row label spanning rows labels each", () => {
    const html = `<table>
      <thead><tr><th rowspan="2">Service</th><th colspan="2">Plan A</th><th colspan="2">Plan B</th></tr>
        <tr><th>In network</th><th>Out of network</th><th>In network</th><th>Out of network</th></tr></thead>
      <tbody><tr><td rowspan="2">Office visit</td><td>$25</td><td>40%</td><td>$15</td><td>Not covered</td></tr>
        <tr><td>$50</td><td>40%</td><td>$35</td><td>Not covered</td></tr>
        <tr><td colspan="5">Emergencies are covered anywhere.</td></tr></tbody></table>`;
    expect(blocks(html)).toEqual([[
      "table",
      [
        "| Service | Plan A In network | Plan A Out of network | Plan B In network | Plan B Out of network |",
        "| --- | --- | --- | --- | --- |",
        "| Office visit | $25 | 40% | $15 | Not covered |",
        "| Office visit | $50 | 40% | $35 | Not covered |",
        "| Emergencies are covered anywhere. |  |  |  |  |",
      ].join("\n"),
    ]]);
  });

  it("ends a grouped header below its last spanning row, though every row is marked a header", () => {
    // Mammoth's output for a table whose first row repeats on each page: every row is <th>.
    const html = `<table><thead>
      <tr><th rowspan="2">Tier</th><th colspan="2">Plan A</th></tr>
      <tr><th>Full-time</th><th>Part-time</th></tr>
      <tr><th>Employee only</th><th>$58.40</th><th>$96.15</th></tr>
      <tr><th>Employee + family</th><th>$212.60</th><th>$318.70</th></tr></thead></table>`;
    expect(blocks(html)).toEqual([[
      "table",
      "| Tier | Plan A Full-time | Plan A Part-time |\n| --- | --- | --- |\n| Employee only | $58.40 | $96.15 |\n| Employee + family | $212.60 | $318.70 |",
    ]]);
  });

  it("skips script, style and nav, and keeps loose text inside containers", () => {
    const html = `<nav>Home | About</nav><script>var x = "secret";</script><style>p{}</style>
      <div>Loose <em>text</em><br>next line<div>Inner block</div>tail</div>`;
    expect(blocks(html)).toEqual([
      ["paragraph", "Loose text\nnext line"],
      ["paragraph", "Inner block"],
      ["paragraph", "tail"],
    ]);
  });
});
