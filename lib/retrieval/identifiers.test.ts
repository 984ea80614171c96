import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chunkDetails, exactSearch, readerScope } from "@/db/queries/retrieval";
import { askerOf } from "../auth/user";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { identifierPattern } from "../text/identifiers";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { rankCandidates, retrieve } from "./retrieve";

// Identifiers are made unique per run (the suite shares one database), keeping their shapes.
const n = () => String(Math.floor(Math.random() * 9000) + 1000);
const ids = { policy: `HR-${n()}`, form: `W-${n()}`, error: `ERR_CONN_${randomUUID().slice(0, 5).toUpperCase()}`, numbered: `POL-2024-${n()}` };

// Sections about the same topics in the question's own words, and one per identifier that names
// it but shares little else with the question: what a vector leg ranks low.
const handbook = `# Staff Systems Handbook

## Connection problems
When your connection to the office network keeps dropping, what you should do is restart the VPN
client, check your connection, and reconnect. Most connection problems are solved this way.

## Browser codes
A browser page reading ${ids.error} means the proxy refused the session: clear the proxy cache under
Settings, Network.

## Remote work rules
Remote work rules say what you should do when working from home: which equipment you may use,
when you are reachable, and what the policy says about hours.

## Rule ${ids.policy}
Staff may keep one company laptop at home; a second device needs written approval from the CISO.

## Tax withholding forms
What you should do about tax forms when you start: payroll sends the forms, you fill them in and
return them. The form tells payroll how much to withhold.

## Federal paperwork
New hires return ${ids.form} to payroll within five days; without it withholding defaults to single.

## Policy register
Circular ${ids.numbered} replaced the mileage table: 0.30 euros per kilometre from March.
`;

const questions = [
  { id: ids.error, question: `What should I do when my connection shows ${ids.error}?`, expected: "proxy refused the session" },
  { id: ids.policy, question: `What does ${ids.policy} say about working from home?`, expected: "second device" },
  { id: ids.form, question: `What should I do about Form ${ids.form}?`, expected: "within five days" },
  { id: ids.numbered, question: `Is ${ids.numbered} still the rule?`, expected: "mileage table" },
];

describe("exact identifiers", () => {
  it("finds the chunk naming a policy number, form or error code first, also where the vector leg does not", async () => {
    const admin = await createTestUser("admin");
    const upload = await acceptUpload({ filename: `handbook-${randomUUID()}.md`, bytes: Buffer.from(handbook), uploadedBy: admin.id });
    await drainQueue();
    const employee = await createTestUser("employee");

    let vectorMissed = 0;
    for (const { id, question, expected } of questions) {
      const { sources } = await retrieve(askerOf(employee), question);
      expect(sources[0], question).toMatchObject({ documentId: upload.documentId, exactRank: 1 });
      expect(sources[0]!.text).toContain(id);
      expect(sources[0]!.text).toContain(expected);
      if (sources[0]!.vectorRank !== 1) vectorMissed++;
    }
    // The case this leg exists for: the vector leg ranked the identifier's chunk below another.
    expect(vectorMissed).toBeGreaterThan(0);
  });

  it("matches whole identifiers only, and only in documents the asker may read", async () => {
    const admin = await createTestUser("admin");
    const code = `SEC-${n()}`;
    const restricted = await acceptUpload({
      filename: `restricted-${randomUUID()}.md`,
      bytes: Buffer.from(`# Incident Rules\n\n## Handling\nRule ${code} requires reporting incidents within one hour.\n`),
      uploadedBy: admin.id,
      groups: [`security-${randomUUID()}`],
    });
    await drainQueue();
    const longer = await rankCandidates(askerOf(admin), `What does ${code}9 require?`);
    expect(longer.exact).toEqual([]);
    const exact = await rankCandidates(askerOf(admin), `What does ${code} require?`);
    expect(exact.exact).toHaveLength(1);
    expect(exact.fused[0]!.chunkId).toBe(exact.exact[0]!.chunkId);

    const outsider = await createTestUser("employee");
    const { sources } = await retrieve(askerOf(outsider), `What does ${code} require?`);
    expect(sources.filter((s) => s.documentId === restricted.documentId)).toEqual([]);

    // Both plans for each asker: within its scope (the ids of every chunk it may read, as for a
    // narrow reader) and over every readable chunk (as for a wide one).
    const patterns = [identifierPattern(code)];
    for (const [asker, expected] of [[askerOf(admin), 1], [askerOf(outsider), 0]] as const) {
      for (const scope of [await readerScope(db(), asker, Number.MAX_SAFE_INTEGER), null]) {
        expect(await exactSearch(db(), asker, [code], patterns, 50, scope)).toHaveLength(expected);
      }
    }
  });

  it("keeps a common identifier's chunks among the legs' candidates first, instead of ranking every chunk naming it", async () => {
    const admin = await createTestUser("admin");
    const code = `GRADE-${n()}`;
    const sections = ["Travel", "Parking", "Meals", "Training", "Hardware"].map((topic) =>
      `## ${topic}\nStaff in pay band ${code} may claim ${topic.toLowerCase()} costs up to the band limit, with receipts.\n`);
    await acceptUpload({
      filename: `bands-${randomUUID()}.md`, uploadedBy: admin.id,
      bytes: Buffer.from(`# Pay Bands\n\n${sections.join("\n")}\n## Receipts\nTravel receipts go to finance within a month.\n`),
    });
    await drainQueue();
    // Five chunks name it; with two candidates per leg it is "common" for this search.
    const depth = 2;
    const found = await rankCandidates(askerOf(admin), `Which travel costs may ${code} staff claim?`, depth);
    const candidates = new Set([...found.keyword, ...found.vector].map((h) => h.chunkId));
    expect(found.exact.length).toBeGreaterThan(0);
    expect(found.exact.length).toBeLessThanOrEqual(2 * depth);
    for (const hit of found.exact) expect(candidates.has(hit.chunkId)).toBe(true);
    const texts = new Map((await chunkDetails(db(), askerOf(admin), [...candidates])).map((d) => [d.chunkId, d.text]));
    const naming = [...candidates].filter((id) => texts.get(id)!.includes(code));
    expect(found.exact.map((h) => h.chunkId).sort()).toEqual(naming.sort());
    expect(naming).toContain(found.fused[0]!.chunkId);
  });
});
