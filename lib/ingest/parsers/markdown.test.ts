import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentText } from "../document-model";
import { parseMarkdown } from "./markdown";

const summary = (source: string) => parseMarkdown(source, "fallback").blocks.map((b) => ({ kind: b.kind, text: b.text }));

describe("parseMarkdown", () => {
  it("emits headings with levels and heading paths that include themselves", () => {
    const doc = parseMarkdown("# Guide\n\nIntro.\n\n## Setup\n\n### Linux\n\nRun it.\n\n## Usage\n\nUse it.", "fallback");
    expect(doc.title).toBe("Guide");
    expect(doc.blocks.map((b) => [b.kind, b.text, b.level, b.headingPath])).toEqual([
      ["heading", "Guide", 1, ["Guide"]],
      ["paragraph", "Intro.", undefined, ["Guide"]],
      ["heading", "Setup", 2, ["Guide", "Setup"]],
      ["heading", "Linux", 3, ["Guide", "Setup", "Linux"]],
      ["paragraph", "Run it.", undefined, ["Guide", "Setup", "Linux"]],
      ["heading", "Usage", 2, ["Guide", "Usage"]],
      ["paragraph", "Use it.", undefined, ["Guide", "Usage"]],
    ]);
  });

  it("strips inline formatting and keeps link text", () => {
    expect(summary("Read **the** _policy_ at [the portal](https://x.example) or `POL-1` ~~now~~.")).toEqual([
      { kind: "paragraph", text: "Read the policy at the portal or POL-1 now." },
    ]);
  });

  it("turns a whole list, nested items included, into one list block", () => {
    const source = "- Alpha\n- **Beta**\n  - Beta one\n  - Beta two\n- [x] Done task\n\n3. Third\n4. Fourth";
    expect(summary(source)).toEqual([
      { kind: "list", text: "- Alpha\n- Beta\n  - Beta one\n  - Beta two\n- [x] Done task" },
      { kind: "list", text: "3. Third\n4. Fourth" },
    ]);
  });

  it("indents a nested list under its item's text, past a number's wider marker, and a later paragraph under its own item", () => {
    const source = "1. Open the portal\n   - Use single sign-on\n\n   Then wait.\n2. Submit\n\nLater:\n\n10. Tenth\n    - Sub";
    expect(summary(source)).toEqual([
      { kind: "list", text: "1. Open the portal\n   - Use single sign-on\n   Then wait.\n2. Submit" },
      { kind: "paragraph", text: "Later:" },
      { kind: "list", text: "10. Tenth\n    - Sub" },
    ]);
  });

  it("renders tables as pipe rows with the header first", () => {
    const source = "| Tier | Cap |\n| :-- | --: |\n| 1 | 320 |\n| 2 | a \\| b |";
    expect(summary(source)).toEqual([{ kind: "table", text: "| Tier | Cap |\n| --- | --- |\n| 1 | 320 |\n| 2 | a \\| b |" }]);
  });

  it("keeps code verbatim and unwraps block quotes", () => {
    expect(summary("```sh\nnpm run build\n  --flag\n```\n\n> Quoted *advice*.\n>\n> Second.")).toEqual([
      { kind: "code", text: "npm run build\n  --flag" },
      { kind: "paragraph", text: "Quoted advice." },
      { kind: "paragraph", text: "Second." },
    ]);
  });

  it("takes the title from front matter when there is no h1, and strips the front matter", () => {
    const doc = parseMarkdown('---\ntitle: "Remote Work"\nowner: HR\n---\n## Scope\n\nText.', "fallback");
    expect(doc.title).toBe("Remote Work");
    expect(documentText(doc.blocks)).toBe("Scope\n\nText.");
    expect(parseMarkdown("Just text.", "fallback").title).toBe("fallback");
  });

  it("renders a static site page's Liquid tags away: links read, quoted phrases kept, paths, comments and settings dropped", () => {
    const source = [
      "---\ntitle: Travel\n---",
      'Once you are [approved for leave]({% page "/travel-and-leave/paid-parental-leave/" %}), ask in {% slack_channel "people-ops" %}.',
      "{% comment %}Draft: check the figures.{% endcomment %}See [the IAA]({{site.base_url}}/agreements/) and {% download \"downloads/form.pdf\" %}the form.",
      '{% alert "Heads up!" %}\nVouchers are due in 5 days.\n{% endalert %}',
      "{% raw %}Write {{ name }} in the template.{% endraw %}",
    ].join("\n\n");
    expect(summary(source)).toEqual([
      { kind: "paragraph", text: "Once you are approved for leave, ask in people-ops." },
      { kind: "paragraph", text: "See the IAA and the form." },
      { kind: "paragraph", text: "Heads up!\nVouchers are due in 5 days." },
      { kind: "paragraph", text: "Write {{ name }} in the template." },
    ]);
  });

  it("reads HTML blocks as HTML under the Markdown's headings, a table split by a blank line as one, a comment as nothing, and <br> as a break", () => {
    const source = [
      "# Offices\n\n## Chicago",
      '<div class="table-wrapper">\n  <table>\n    <tr>\n      <td><strong>Location</strong></td>\n      <td>77 W Jackson Blvd<br />Chicago, IL</td>\n    </tr>',
      "<tr>\n  <td>Contact</td>\n  <td>chicago@example.gov</td>\n</tr>\n</table>\n</div>",
      "<!-- Kept up to date by the office leads. -->",
      "Visitors sign in<br>at the front desk.",
      "### Parking<br/>and bicycles",
      "| Floor | Room |\n| --- | --- |\n| 6<br>(east) | 6400 |",
    ].join("\n\n");
    const doc = parseMarkdown(source, "fallback");
    expect(doc.blocks.map((b) => [b.kind, b.text, b.headingPath])).toEqual([
      ["heading", "Offices", ["Offices"]],
      ["heading", "Chicago", ["Offices", "Chicago"]],
      ["table", "| Location | 77 W Jackson Blvd Chicago, IL |\n| --- | --- |\n| Contact | chicago@example.gov |", ["Offices", "Chicago"]],
      ["paragraph", "Visitors sign in\nat the front desk.", ["Offices", "Chicago"]],
      ["heading", "Parking and bicycles", ["Offices", "Chicago", "Parking and bicycles"]],
      ["table", "| Floor | Room |\n| --- | --- |\n| 6 (east) | 6400 |", ["Offices", "Chicago", "Parking and bicycles"]],
    ]);
  });

  it("leaves braces alone in Markdown without front matter, which no site renders", () => {
    expect(summary("Write {{ name }} and {% page %} as they are.")).toEqual([{ kind: "paragraph", text: "Write {{ name }} and {% page %} as they are." }]);
  });

  it("assigns offsets that index the document text", () => {
    const doc = parseMarkdown("# A\n\nB text\n\n- c\n- d", "x");
    const text = documentText(doc.blocks);
    for (const b of doc.blocks) expect(text.slice(b.start, b.end)).toBe(b.text);
  });

  it("parses the shipped Markdown sample policies", () => {
    for (const name of ["travel-policy.md", "leave-policy.md"]) {
      const source = readFileSync(path.resolve(process.cwd(), "lib/samples/policies", name), "utf8");
      const doc = parseMarkdown(source, name);
      const kinds = new Set(doc.blocks.map((b) => b.kind));
      expect(["heading", "paragraph", "list", "table"].every((k) => kinds.has(k as never)), name).toBe(true);
      expect(doc.blocks.filter((b) => b.level === 1)).toHaveLength(1);
      expect(doc.blocks.some((b) => b.level === 3)).toBe(true);
    }
    const travel = parseMarkdown(readFileSync(path.resolve(process.cwd(), "lib/samples/policies/travel-policy.md"), "utf8"), "x");
    expect(travel.title).toBe("Business Travel Policy");
    expect(travel.blocks.find((b) => b.kind === "table")?.text).toContain("| Tier 1 | New York, London, Zurich, Tokyo | 320 | 95 |");
    expect(travel.blocks.find((b) => b.text.startsWith("1. Book economy"))?.headingPath).toEqual(["Business Travel Policy", "2. Booking", "2.1 Air Travel"]);
  });
});
