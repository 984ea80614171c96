import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { askerOf } from "../auth/user";
import { acceptUpload } from "../ingest/upload";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { rankCandidates, retrieve } from "./retrieve";

// Made-up words, so no other test's document holds them (the suite shares one database); each is
// in exactly one of the documents below.
const tag = randomUUID().slice(0, 6);
const handbook = `# Field Allowances ${tag}

## Glacier expeditions
Staff on a glacier expedition receive a crampon stipend of 140 euros per trip, paid with the next salary.

## Desk equipment
Each office desk comes with a monitor arm and a footrest on request.
`;
const restricted = `# Board Allowances ${tag}

## Marmalade tasting
Board members receive a marmalade voucher for each tasting evening.
`;

describe("spelling correction in retrieval", () => {
  it("searches a misspelt word as the corpus spells it, says so, and leaves words the index holds alone", async () => {
    const admin = await createTestUser("admin");
    await acceptUpload({ filename: `allowances-${tag}.md`, bytes: Buffer.from(handbook), uploadedBy: admin.id });
    await drainQueue();
    const employee = askerOf(await createTestUser("employee"));

    const typed = await rankCandidates(employee, "How much is the crampn stipnd for a glacier expedtion?");
    expect(typed.corrections).toEqual(expect.arrayContaining([
      { from: "crampn", to: "crampon" }, { from: "stipnd", to: "stipend" }, { from: "expedtion", to: "expedition" },
    ]));
    // The keyword leg matched the corrected words: its first hit is the expedition section.
    const { sources, corrections } = await retrieve(employee, "How much is the crampn stipnd for a glacier expedtion?");
    expect(corrections.length).toBe(3);
    expect(sources[0]!.text).toContain("crampon stipend");
    expect(sources[0]!.keywordRank).toBe(1);

    // Spelt right, nothing is corrected, and no extra search is made for it.
    expect((await rankCandidates(employee, "How much is the crampon stipend for a glacier expedition?")).corrections).toEqual([]);
  });

  it("searches an everyday word the index lacks as the formal words a policy writes, and says so", async () => {
    const admin = await createTestUser("admin");
    const leave = `# Absence ${tag}\n\n## Compassionate leave\nEmployees receive 3 days of paid compassionate leave on the death of a grandparent.\n\n## Jury service\nJury service is paid leave.\n`;
    await acceptUpload({ filename: `absence-${tag}.md`, bytes: Buffer.from(leave), uploadedBy: admin.id });
    await drainQueue();
    const employee = askerOf(await createTestUser("employee"));
    const question = `my nan died, how much absence ${tag} do I get`;
    const { sources, corrections } = await retrieve(employee, question);
    expect(corrections).toContainEqual({ from: "nan", to: "grandmother grandparent grandparents" });
    expect(sources[0]!.text).toContain("death of a grandparent");
  });

  it("searches an everyday phrase also as the formal words a policy writes, and says so", async () => {
    const admin = await createTestUser("admin");
    // Two documents, so each is its own passage: the first shares a word of the phrase, the second
    // only its meaning, in several of its formal words (the suite's shared index holds other
    // documents on leave and deaths, so one formal word alone would not outweigh "away").
    const away = randomUUID().slice(0, 6);
    await acceptUpload({ filename: `away-days-${away}.md`, bytes: Buffer.from(`# Away days ${away}\n\nTeam away days count as working days.\n`), uploadedBy: admin.id });
    const bereavement = `# Bereavement ${away}\n\nAfter a death in the family, up to 4 days of paid bereavement leave, and compassionate leave beyond them.\n`;
    await acceptUpload({ filename: `bereavement-${away}.md`, bytes: Buffer.from(bereavement), uploadedBy: admin.id });
    await drainQueue();
    const employee = askerOf(await createTestUser("employee"));
    const { sources, corrections } = await retrieve(employee, `my friend passed away ${away}, can I get time off?`);
    expect(corrections).toContainEqual({ from: "passed away", to: "passed away died dies death bereavement compassionate" });
    expect(corrections).toContainEqual({ from: "time off", to: "time off leave absence" });
    // The keyword leg ranks the passage that names the leave above the one that shares the phrase's word.
    const keywordRank = (text: string) => sources.find((s) => s.text.includes(text))?.keywordRank ?? Infinity;
    expect(keywordRank("bereavement leave")).toBeLessThan(keywordRank("Team away days"));
  });

  it("never corrects towards a word only in a document the asker may not read", async () => {
    const admin = await createTestUser("admin");
    await acceptUpload({ filename: `board-${tag}.md`, bytes: Buffer.from(restricted), uploadedBy: admin.id, groups: [`board-${tag}`] });
    await drainQueue();
    const employee = askerOf(await createTestUser("employee"));
    // The tag names both documents, so each asker's first pass lands on the one it may read,
    // whatever else the shared database holds by then (another test's 247 handbook pages once
    // crowded the board's document out of the admin's first 20 passages).
    const question = `Who receives a marmalde vouchr under Allowances ${tag}?`;

    const asEmployee = await rankCandidates(employee, question);
    expect(asEmployee.corrections).toEqual([]);
    const asAdmin = await rankCandidates(askerOf(admin), question);
    expect(asAdmin.corrections).toEqual(expect.arrayContaining([{ from: "marmalde", to: "marmalade" }, { from: "vouchr", to: "voucher" }]));
  });
});
